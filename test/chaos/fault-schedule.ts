import type { SeededRandom } from './seeded-random.js';

export type FaultKind =
  | 'sigkill'
  | 'sigstop'
  | 'partner-pending'
  | 'partner-drop'
  | 'partner-latency'
  | 'bank-down'
  | 'scale-out'
  | 'db-connections'
  | 'broker-kill'
  | 'pg-restart';

export interface PlannedFault {
  kind: FaultKind;
  /** The service, or the partner side, the fault hits. */
  target: string;
  /** From the start of the load. */
  atMs: number;
  /** How long the fault lasts (a killed service's downtime, a stall, a knob's window). */
  durationMs: number;
}

export interface ScheduleOptions {
  /** One fault of each kind (the short run); else every service killed in turn and more of each. */
  oneOfEachKind: boolean;
  brokerKill: boolean;
  pgRestart: boolean;
}

const KILLED_IN_TURN = ['gateway', 'members', 'billpay', 'loans', 'ledger'] as const;

/** The faults of a run, drawn from its seed: the same seed gives the same schedule. */
export function drawFaultSchedule(
  random: SeededRandom,
  durationMs: number,
  options: ScheduleOptions,
): PlannedFault[] {
  const drawn: Omit<PlannedFault, 'atMs'>[] = [];
  const sigkill = (target: string) =>
    drawn.push({ kind: 'sigkill', target, durationMs: random.int(1_000, 10_000) });
  const sigstop = () =>
    drawn.push({
      kind: 'sigstop',
      target: random.pick(KILLED_IN_TURN),
      durationMs: random.int(5_000, 20_000),
    });
  const dbConnections = () =>
    drawn.push({ kind: 'db-connections', target: random.pick(KILLED_IN_TURN), durationMs: 3_000 });
  if (options.oneOfEachKind) {
    sigkill(random.pick(KILLED_IN_TURN));
    sigstop();
    dbConnections();
  } else {
    for (const service of KILLED_IN_TURN) sigkill(service);
    sigstop();
    sigstop();
    dbConnections();
    dbConnections();
  }
  drawn.push({ kind: 'partner-pending', target: 'aggregator', durationMs: 20_000 });
  drawn.push({ kind: 'partner-drop', target: 'aggregator', durationMs: 20_000 });
  drawn.push({ kind: 'partner-latency', target: 'aggregator', durationMs: 15_000 });
  drawn.push({ kind: 'bank-down', target: 'bank', durationMs: 30_000 });
  if (options.oneOfEachKind)
    drawn.push({
      kind: 'scale-out',
      target: random.pick(['members', 'ledger']),
      durationMs: random.int(15_000, 25_000),
    });
  else
    for (const target of ['members', 'ledger'])
      drawn.push({ kind: 'scale-out', target, durationMs: random.int(20_000, 40_000) });
  if (options.brokerKill)
    drawn.push({ kind: 'broker-kill', target: 'kafka', durationMs: random.int(3_000, 10_000) });
  if (options.pgRestart) drawn.push({ kind: 'pg-restart', target: 'postgresql', durationMs: 0 });

  // Shuffled, then spread evenly over the first 80% of the load so the last fault's recovery is still measured.
  for (let i = drawn.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [drawn[i], drawn[j]] = [drawn[j], drawn[i]];
  }
  const firstMs = durationMs * 0.1;
  const spacingMs = (durationMs * 0.7) / Math.max(1, drawn.length - 1);
  return drawn.map((fault, index) => ({ ...fault, atMs: Math.round(firstMs + index * spacingMs) }));
}
