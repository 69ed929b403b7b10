import { mkdirSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { ALL_SERVICES, SuiteHarness } from '../support/suite-harness.js';
import { checkInvariants, closeStores, drainSuite, openStores } from './chaos-invariants.js';
import {
  recoveryMs,
  renderReport,
  summarizeRequests,
  throughputSeries,
  type ChaosSummary,
} from './chaos-report.js';
import { CounterDayLoad, setUpKoperasi } from './counter-day-load.js';
import { CALM_AGGREGATOR, CALM_BANK, FaultInjector } from './fault-injector.js';
import { drawFaultSchedule } from './fault-schedule.js';
import { OwnKafkaBroker } from './own-kafka-broker.js';
import { OwnPostgresCluster } from '../support/own-postgres-cluster.js';
import { SeededRandom } from './seeded-random.js';

export interface ChaosOptions {
  rate: number;
  durationS: number;
  seed: number;
  /** One fault of each kind (the short run in npm test) instead of every service in turn. */
  oneOfEachKind: boolean;
  /** Runs the suite on a broker of its own and SIGKILLs it once. */
  brokerKill: boolean;
  /** Restarts the run's PostgreSQL cluster (its own, never the machine's shared server) while money moves. */
  pgRestart: boolean;
  koperasi: number;
  membersPerKoperasi: number;
  /** Where the JSON summary goes (git-ignored). */
  outDir: string;
  log: (line: string) => void;
}

export const LONG_RUN: Omit<ChaosOptions, 'seed' | 'log'> = {
  rate: 100,
  durationS: 300,
  oneOfEachKind: false,
  brokerKill: true,
  pgRestart: true,
  koperasi: 3,
  membersPerKoperasi: 30,
  outDir: '.run/chaos',
};

const AGGREGATOR_START_RP = 1_000_000_000_000_000;
/** Long enough for the partner's 8 s latency spike plus the command timeout; a counter stops sooner than that. */
const RETRY_POLICY = {
  maxAttempts: 10,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
  attemptTimeoutMs: 15_000,
};
/** Enough for a refund to go from listed to paid with a retry or two. */
const FINAL_REFUND_SWEEPS = 5;
const REASK_BATCH = 50;

/** The load-and-fault run: the whole suite as processes, a counter day, the faults of the seed, the invariants. */
export async function runChaos(options: ChaosOptions): Promise<ChaosSummary> {
  const log = options.log;
  const runId = randomUUID().slice(0, 8);
  // Every database of the run on a cluster of its own: the restart fault and pg_terminate_backend never
  // reach the machine's shared server.
  const postgres = new OwnPostgresCluster(runId);
  const previousDatabaseUrl = process.env.DATABASE_URL;
  log(`chaos: starting a PostgreSQL cluster of this run's own on port ${postgres.port}`);
  await postgres.create();
  process.env.DATABASE_URL = postgres.url;
  const broker = options.brokerKill ? new OwnKafkaBroker(runId) : null;
  const previousBrokers = process.env.KAFKA_BROKERS;
  if (broker) {
    log(`chaos: starting a broker of this run's own on ${broker.brokers}`);
    await broker.start().catch(async (error: unknown) => {
      await postgres.destroy();
      restoreEnvironment('DATABASE_URL', previousDatabaseUrl);
      throw error;
    });
    process.env.KAFKA_BROKERS = broker.brokers;
  }
  // A short command timeout, so a request caught by a fault learns "outcome unknown" soon and is asked again.
  const suite = new SuiteHarness({ environment: { COMMAND_TIMEOUT_MS: '5000' } });
  const stores = openStores(suite);
  try {
    log(`chaos: seed ${options.seed}; starting the suite (namespace ${suite.kafkaNamespace})`);
    await suite.startAll();
    await suite.partnerSim('PUT', '/admin/aggregator/faults', CALM_AGGREGATOR);
    await suite.partnerSim('PUT', '/admin/bank/faults', CALM_BANK);
    await suite.partnerSim('PUT', '/admin/aggregator/deposit', { balanceRp: AGGREGATOR_START_RP });
    const random = new SeededRandom(options.seed);
    const koperasi = await setUpKoperasi(
      suite,
      random,
      options.koperasi,
      options.membersPerKoperasi,
      RETRY_POLICY,
    );
    const schedule = drawFaultSchedule(random, options.durationS * 1000, options);
    log(
      `chaos: ${schedule.length} faults: ${schedule.map((f) => `${(f.atMs / 1000).toFixed(0)}s ${f.kind} ${f.target}`).join(', ')}`,
    );

    const load = new CounterDayLoad(koperasi, random);
    const injector = new FaultInjector(suite, broker, postgres);
    const loadStartedMs = Date.now();
    await Promise.all([
      load.run(options.rate, options.durationS * 1000),
      injector.runSchedule(schedule, loadStartedMs),
    ]);
    // A service is killed only by a fault, which starts it again: one that ended by itself does not come back.
    const endedByThemselves: Record<string, string> = {};
    for (const service of ALL_SERVICES) {
      if (suite.isRunning(service)) continue;
      endedByThemselves[service] = suite.logTail(service, 4_000);
      log(`chaos: ${service} ended by itself; starting it again for the drain`);
      await suite.start(service);
    }
    log('chaos: load stopped; waiting for the counters still retrying');
    await load.settle();
    // A counter that gave up asks again once the suite recovered, as a teller would: a few at a time.
    const unanswered = load.records.filter((r) => r.answer === 'gave-up');
    for (let at = 0; at < unanswered.length; at += REASK_BATCH) {
      await Promise.all(
        unanswered.slice(at, at + REASK_BATCH).map((record) => {
          const client = koperasi[record.koperasi];
          return (
            client.teller.records.includes(record) ? client.teller : client.supervisor
          ).askAgain(record, 5);
        }),
      );
    }
    log('chaos: draining the suite');
    const drainMs = options.oneOfEachKind ? 90_000 : 240_000;
    await drainSuite(stores, drainMs);
    // Payments that failed late, while the suite drained, are refunded as a supervisor would at day's end,
    // until the screen lists none owed.
    for (let sweep = 1; sweep <= FINAL_REFUND_SWEEPS; sweep++) {
      const owed = await load.payOwedRefunds();
      await load.settle();
      log(`chaos: refund sweep ${sweep}: ${owed ?? 'no listing'} owed`);
      if (owed === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
    const drained = await drainSuite(stores, drainMs);
    log(`chaos: drained ${JSON.stringify(drained)}; checking the invariants`);
    const records = load.records;
    const invariants = await checkInvariants(suite, stores, koperasi, records, AGGREGATOR_START_RP);
    invariants.unshift({
      name: 'every service stayed up unless a fault killed it',
      ok: Object.keys(endedByThemselves).length === 0,
      figures: {
        ended: Object.keys(endedByThemselves),
        lastLog: Object.values(endedByThemselves).map((tail) => tail.slice(-2_000)),
      },
    });

    const series = throughputSeries(records, loadStartedMs, options.durationS);
    const faults = injector.injected.map((fault) => ({
      ...fault,
      recoveryMs: recoveryMs(series, fault, loadStartedMs),
    }));
    const faultsByKind: Record<string, number> = {};
    for (const fault of faults) faultsByKind[fault.kind] = (faultsByKind[fault.kind] ?? 0) + 1;
    const summary: ChaosSummary = {
      seed: options.seed,
      rate: options.rate,
      durationS: options.durationS,
      options: {
        oneOfEachKind: options.oneOfEachKind,
        brokerKill: options.brokerKill,
        pgRestart: options.pgRestart,
        koperasi: options.koperasi,
        membersPerKoperasi: options.membersPerKoperasi,
        drained,
      },
      requests: summarizeRequests(records, load.shed, load.serverErrors, load.serverErrorExamples),
      worstLatencyMs: records.reduce((worst, r) => Math.max(worst, r.worstLatencyMs), 0),
      faults,
      faultsByKind,
      throughputPerSecond: series,
      invariants,
      ok: invariants.every((invariant) => invariant.ok),
    };
    mkdirSync(options.outDir, { recursive: true });
    const file = `${options.outDir}/chaos-${new Date().toISOString().replaceAll(':', '-').slice(0, 19)}-seed${options.seed}.json`;
    writeFileSync(file, JSON.stringify(summary, null, 2));
    log(renderReport(summary, loadStartedMs));
    log(`chaos: summary written to ${file}`);
    return summary;
  } finally {
    await closeStores(stores).catch(() => undefined);
    await suite
      .stopAll()
      .catch((error: unknown) => log(`chaos: stopping the suite: ${String(error)}`));
    await postgres.destroy();
    restoreEnvironment('DATABASE_URL', previousDatabaseUrl);
    if (broker) {
      await broker.stop();
      restoreEnvironment('KAFKA_BROKERS', previousBrokers);
    }
  }
}

function restoreEnvironment(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
