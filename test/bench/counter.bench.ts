/**
 * npm run bench:counter: a mixed counter day. --counters (200) counters over --koperasi (50) koperasi, each
 * doing one transaction after another for --duration-s (60) seconds through the gateway, against the whole
 * suite running as real processes on this machine: 50% savings (sukarela in and out, wajib), 35% PPOB
 * (prepaid and postpaid; partner-sim at 20 ms, 5% pending), 15% loan installments. Flags win over
 * BENCH_COUNTERS / BENCH_KOPERASI / BENCH_DURATION_S. Prints JSON lines: transactions/s by kind and in all,
 * HTTP p50/p99 over every request, ledger lag p50/p99, CPU ms per transaction by process (from /proc) and
 * each service's RSS.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { closeStores, drainSuite, openStores } from '../chaos/chaos-invariants.js';
import { CounterDayLoad, setUpKoperasi, type CounterMix } from '../chaos/counter-day-load.js';
import { CALM_AGGREGATOR, CALM_BANK } from '../chaos/fault-injector.js';
import { SeededRandom } from '../chaos/seeded-random.js';
import { ALL_SERVICES, SuiteHarness } from '../support/suite-harness.js';
import { BENCH_SUITE_OPTIONS, useLocalInfrastructureByDefault } from './bench-environment.js';
import { percentile, report } from './percentile.js';
import { cpuByComponent, reportCpu, reportRss } from './suite-cpu.js';
import { positiveFlag } from './positive-flag.js';

const MIX: CounterMix = [
  ['sukarela-deposit', 35],
  ['sukarela-withdrawal', 8],
  ['wajib', 7],
  ['ppob-prepaid', 25],
  ['ppob-postpaid', 10],
  ['installment', 15],
];
/** The request kinds that end a transaction of each kind of the report (an inquiry or a refund does not). */
const TRANSACTION_KINDS: Record<string, string> = {
  'sukarela-deposit': 'savings',
  'sukarela-withdrawal': 'savings',
  wajib: 'savings',
  'ppob-payment': 'ppob',
  installment: 'installment',
};
const MEMBERS_PER_KOPERASI = 4;
const SETUP_PARALLEL = 5;
const IDLE_SAMPLE_MS = 10_000;
/** No faults here: a retry means the suite answered 5xx or not at all under load, and is counted. */
const RETRY_POLICY = {
  maxAttempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 2_000,
  attemptTimeoutMs: 30_000,
};
const AGGREGATOR_START_RP = 1_000_000_000_000_000;

function options(): { counters: number; koperasi: number; durationS: number } {
  const { values } = parseArgs({
    options: {
      counters: { type: 'string' },
      koperasi: { type: 'string' },
      'duration-s': { type: 'string' },
    },
    strict: true,
  });
  return {
    counters: positiveFlag(values.counters ?? process.env.BENCH_COUNTERS, 200, 'counters'),
    koperasi: positiveFlag(values.koperasi ?? process.env.BENCH_KOPERASI, 50, 'koperasi'),
    durationS: positiveFlag(values['duration-s'] ?? process.env.BENCH_DURATION_S, 60, 'duration-s'),
  };
}

async function main(): Promise<void> {
  const settings = options();
  useLocalInfrastructureByDefault();
  // The pending share resolves by callback; the status poll is the fallback, not the race.
  process.env.BILLPAY_STATUS_POLL_BASE_MS ??= '5000';
  const suite = new SuiteHarness(BENCH_SUITE_OPTIONS);
  try {
    // Inside the try: a service that fails to start must not leave the others running.
    await suite.startAll();
    await run(suite, settings);
  } finally {
    await suite.stopAll();
  }
}

async function run(
  suite: SuiteHarness,
  settings: { counters: number; koperasi: number; durationS: number },
): Promise<void> {
  await suite.partnerSim('PUT', '/admin/aggregator/faults', CALM_AGGREGATOR);
  await suite.partnerSim('PUT', '/admin/bank/faults', CALM_BANK);
  await suite.partnerSim('PUT', '/admin/aggregator/deposit', { balanceRp: AGGREGATOR_START_RP });
  const random = new SeededRandom(1);
  const koperasi = await setUpKoperasi(
    suite,
    random,
    settings.koperasi,
    MEMBERS_PER_KOPERASI,
    RETRY_POLICY,
    SETUP_PARALLEL,
  );
  const load = new CounterDayLoad(koperasi, random, MIX);
  const setUpRequests = load.records.length;
  report({ bench: 'counter', ...settings, loadAverage: loadAverage() });

  const idleStart = cpuByComponent(suite);
  const idleStartedMs = performance.now();
  await new Promise((resolve) => setTimeout(resolve, IDLE_SAMPLE_MS));
  const cpuBefore = cpuByComponent(suite);
  const idleSeconds = (performance.now() - idleStartedMs) / 1000;
  const loadStartedAt = new Date();
  const deadline = performance.now() + settings.durationS * 1000;
  const startedMs = performance.now();
  await Promise.all(
    Array.from({ length: settings.counters }, async (_unused, counter) => {
      while (performance.now() < deadline)
        await load.transaction(koperasi[counter % koperasi.length]);
    }),
  );
  const seconds = (performance.now() - startedMs) / 1000;
  const cpuAfter = cpuByComponent(suite);

  const records = load.records.slice(setUpRequests);
  const byKind: Record<string, { succeeded: number; refused: number; gaveUp: number }> = {};
  for (const record of records) {
    const kind = TRANSACTION_KINDS[record.kind];
    if (!kind) continue;
    byKind[kind] ??= { succeeded: 0, refused: 0, gaveUp: 0 };
    if (record.answer === 'succeeded') byKind[kind].succeeded += 1;
    else if (record.answer === 'refused') byKind[kind].refused += 1;
    else byKind[kind].gaveUp += 1;
  }
  const completed = Object.values(byKind).reduce((sum, kind) => sum + kind.succeeded, 0);
  const latenciesMs = records.map((record) => record.answeredAtMs - record.sentAtMs);
  report({
    metric: 'transactions',
    seconds: Math.round(seconds * 100) / 100,
    completed,
    transactionsPerSecond: Math.round(completed / seconds),
    perSecondByKind: Object.fromEntries(
      Object.entries(byKind).map(([kind, counts]) => [
        kind,
        Math.round(counts.succeeded / seconds),
      ]),
    ),
    byKind,
    requests: records.length,
    retried: records.filter((record) => record.attempts > 1).length,
    serverErrors: load.serverErrors,
    httpP50Ms: Math.round(percentile(latenciesMs, 0.5)),
    httpP99Ms: Math.round(percentile(latenciesMs, 0.99)),
  });
  reportCpu(
    'transaction',
    { idleStart, idleSeconds, before: cpuBefore, after: cpuAfter },
    completed,
    seconds,
  );
  reportRss(suite, ALL_SERVICES);
  await reportLedgerLag(suite, loadStartedAt);
  report({ metric: 'load_average', loadAverage: loadAverage() });
}

/** Event written to entry posted, for the entries of the load, once the suite drained what the load left. */
async function reportLedgerLag(suite: SuiteHarness, since: Date): Promise<void> {
  const stores = openStores(suite);
  try {
    const left = await drainSuite(stores, 300_000);
    const { rows } = await stores.ledger.query<{
      n: number;
      p50: number;
      p99: number;
      max: number;
    }>(
      `SELECT count(*)::int AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY lag_ms) AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY lag_ms) AS p99, max(lag_ms) AS max
       FROM (SELECT extract(epoch FROM posted_at - occurred_at) * 1000 AS lag_ms
             FROM journal_entries WHERE occurred_at >= $1) lags`,
      [since],
    );
    report({
      metric: 'ledger_lag',
      entries: rows[0].n,
      p50Ms: Math.round(rows[0].p50),
      p99Ms: Math.round(rows[0].p99),
      maxMs: Math.round(rows[0].max),
      leftAfterDrain: left,
    });
  } finally {
    await closeStores(stores);
  }
}

function loadAverage(): number[] {
  return loadavg().map((load) => Math.round(load * 100) / 100);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
