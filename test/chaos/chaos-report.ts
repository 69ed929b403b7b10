import type { CounterRequestRecord } from './counter-client.js';
import type { InjectedFault } from './fault-injector.js';
import type { InvariantResult } from './chaos-invariants.js';

export interface ChaosSummary {
  seed: number;
  rate: number;
  durationS: number;
  options: Record<string, unknown>;
  requests: {
    attempted: number;
    accepted: number;
    refused: number;
    retried: number;
    unanswered: number;
    shed: number;
    serverErrors: number;
    serverErrorExamples: string[];
    byKind: Record<string, Record<string, number>>;
  };
  worstLatencyMs: number;
  faults: (InjectedFault & { recoveryMs: number | null })[];
  faultsByKind: Record<string, number>;
  throughputPerSecond: number[];
  invariants: InvariantResult[];
  ok: boolean;
}

const WINDOW_S = 3;

/** Final answers per second of the load, from its start. */
export function throughputSeries(
  records: CounterRequestRecord[],
  loadStartedMs: number,
  durationS: number,
): number[] {
  const series = new Array<number>(durationS).fill(0);
  for (const record of records) {
    const second = Math.floor((record.answeredAtMs - loadStartedMs) / 1000);
    if (record.answer !== 'gave-up' && second >= 0 && second < durationS) series[second] += 1;
  }
  return series;
}

/**
 * From the fault's start, how long until throughput (a 3 s average) is back to 90% of its 10 s before; null when
 * it never was before the load ended.
 */
export function recoveryMs(
  series: number[],
  fault: InjectedFault,
  loadStartedMs: number,
): number | null {
  const start = Math.floor((fault.startedAtMs - loadStartedMs) / 1000);
  const before = series.slice(Math.max(0, start - 10), start);
  if (before.length === 0) return null;
  const baseline = before.reduce((a, b) => a + b, 0) / before.length;
  const average = (at: number) =>
    series.slice(at, at + WINDOW_S).reduce((a, b) => a + b, 0) / WINDOW_S;
  // Not before the fault itself is over: a knob window or a stall recovers only once it ends.
  const from = Math.max(start, Math.floor((fault.endedAtMs - loadStartedMs) / 1000) - WINDOW_S);
  for (let at = from; at + WINDOW_S <= series.length; at++)
    if (average(at) >= 0.9 * baseline)
      return Math.max(0, (at + WINDOW_S) * 1000 - (fault.startedAtMs - loadStartedMs));
  return null;
}

export function summarizeRequests(
  records: CounterRequestRecord[],
  shed: number,
  serverErrors: number,
  serverErrorExamples: string[],
): ChaosSummary['requests'] {
  const byKind: Record<string, Record<string, number>> = {};
  for (const record of records) {
    const kind = (byKind[record.kind] ??= {});
    kind[record.answer] = (kind[record.answer] ?? 0) + 1;
  }
  return {
    attempted: records.length,
    accepted: records.filter((r) => r.answer === 'succeeded').length,
    refused: records.filter((r) => r.answer === 'refused').length,
    retried: records.filter((r) => r.attempts > 1).length,
    unanswered: records.filter((r) => r.answer === 'gave-up').length,
    shed,
    serverErrors,
    serverErrorExamples,
    byKind,
  };
}

/** The human table: requests, faults with their recovery, the worst latency, each invariant, the chart. */
export function renderReport(summary: ChaosSummary, loadStartedMs: number): string {
  const lines: string[] = [];
  const r = summary.requests;
  lines.push(
    `chaos run  seed ${summary.seed}  rate ${summary.rate}/s  duration ${summary.durationS}s  ${summary.ok ? 'PASSED' : 'FAILED'}`,
  );
  lines.push(
    `replay it: npm run chaos -- --seed=${summary.seed} --rate=${summary.rate} --duration-s=${summary.durationS}`,
  );
  lines.push('');
  lines.push(
    `requests  attempted ${r.attempted}  accepted ${r.accepted}  refused ${r.refused}  retried ${r.retried}  unanswered ${r.unanswered}  shed ${r.shed}  500 answers ${r.serverErrors}`,
  );
  for (const example of r.serverErrorExamples) lines.push(`  500: ${example}`);
  for (const [kind, answers] of Object.entries(r.byKind))
    lines.push(
      `  ${kind.padEnd(20)} ${Object.entries(answers)
        .map(([a, n]) => `${a} ${n}`)
        .join('  ')}`,
    );
  lines.push(`worst HTTP latency ${summary.worstLatencyMs} ms`);
  lines.push('');
  lines.push(
    `faults (${Object.entries(summary.faultsByKind)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')})`,
  );
  lines.push(
    `  ${'at s'.padStart(5)}  ${'kind'.padEnd(16)} ${'target'.padEnd(11)} ${'lasted s'.padStart(8)}  ${'to 90% s'.padStart(8)}  error`,
  );
  for (const fault of summary.faults) {
    const at = ((fault.startedAtMs - loadStartedMs) / 1000).toFixed(1);
    const lasted = ((fault.endedAtMs - fault.startedAtMs) / 1000).toFixed(1);
    const recovery = fault.recoveryMs === null ? 'never' : (fault.recoveryMs / 1000).toFixed(1);
    lines.push(
      `  ${at.padStart(5)}  ${fault.kind.padEnd(16)} ${fault.target.padEnd(11)} ${lasted.padStart(8)}  ${recovery.padStart(8)}  ${fault.error ?? ''}`,
    );
  }
  lines.push('');
  lines.push('invariants');
  for (const invariant of summary.invariants)
    lines.push(
      `  ${invariant.ok ? 'ok  ' : 'FAIL'} ${invariant.name}: ${JSON.stringify(invariant.figures)}`,
    );
  lines.push('');
  lines.push(throughputChart(summary.throughputPerSecond, summary.faults, loadStartedMs));
  return lines.join('\n');
}

const CHART_ROWS = 10;
const CHART_COLUMNS = 100;

/** Answers per second over the run, one column per bucket of seconds, faults marked underneath. */
export function throughputChart(
  series: number[],
  faults: InjectedFault[],
  loadStartedMs: number,
): string {
  const perColumn = Math.max(1, Math.ceil(series.length / CHART_COLUMNS));
  const columns: number[] = [];
  for (let at = 0; at < series.length; at += perColumn) {
    const bucket = series.slice(at, at + perColumn);
    columns.push(bucket.reduce((a, b) => a + b, 0) / bucket.length);
  }
  const peak = Math.max(1, ...columns);
  const lines = [`answers/s (peak ${peak.toFixed(1)}; ${perColumn}s a column)`];
  for (let row = CHART_ROWS; row >= 1; row--) {
    lines.push(
      `${row === CHART_ROWS ? peak.toFixed(0).padStart(5) : '     '} |${columns.map((value) => (value >= (row - 0.5) * (peak / CHART_ROWS) ? '#' : ' ')).join('')}`,
    );
  }
  lines.push(`    0 +${'-'.repeat(columns.length)}`);
  const marks = new Array<string>(columns.length).fill(' ');
  faults.forEach((fault, index) => {
    const column = Math.floor((fault.startedAtMs - loadStartedMs) / 1000 / perColumn);
    if (column >= 0 && column < marks.length)
      marks[column] = String.fromCharCode(97 + (index % 26));
  });
  lines.push(`       ${marks.join('')}`);
  faults.forEach((fault, index) =>
    lines.push(`       ${String.fromCharCode(97 + (index % 26))}: ${fault.kind} ${fault.target}`),
  );
  return lines.join('\n');
}
