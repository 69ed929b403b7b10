import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { testDatabaseUrl } from '@koperasi/testing';
import type { ServiceName, SuiteHarness } from '../support/suite-harness.js';
import type { PlannedFault } from './fault-schedule.js';
import type { OwnPostgresCluster } from '../support/own-postgres-cluster.js';
import type { OwnKafkaBroker } from './own-kafka-broker.js';

export interface InjectedFault extends PlannedFault {
  startedAtMs: number;
  endedAtMs: number;
  error: string | null;
}

/**
 * partner-sim's knobs while no fault is on, as in real life: a little latency, a few pending payments, and a
 * few that fail, at once or after pending (each a refund the supervisor pays).
 */
export const CALM_AGGREGATOR = {
  latencyMs: 20,
  pendingShare: 0.05,
  failureShare: 0.02,
  pendingFailureShare: 0.2,
  dropShare: 0,
  callbackDelayMs: 1_000,
  cutOffWib: null,
};
export const CALM_BANK = { down: false, latencyMs: 10 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Does each planned fault to the running suite. Faults on the same target take turns, so a stalled service is
 * never also the one killed; faults on different targets overlap, as they do in real life.
 */
export class FaultInjector {
  readonly injected: InjectedFault[] = [];
  private readonly turns = new Map<string, Promise<unknown>>();

  constructor(
    private readonly suite: SuiteHarness,
    private readonly broker: OwnKafkaBroker | null,
    private readonly postgres: OwnPostgresCluster,
  ) {}

  async runSchedule(schedule: readonly PlannedFault[], loadStartedMs: number): Promise<void> {
    const running: Promise<void>[] = [];
    for (const fault of schedule) {
      const waitMs = loadStartedMs + fault.atMs - Date.now();
      if (waitMs > 0) await sleep(waitMs);
      running.push(this.inject(fault));
    }
    await Promise.all(running);
  }

  private async inject(fault: PlannedFault): Promise<void> {
    const doIt = async () => {
      const record: InjectedFault = {
        ...fault,
        startedAtMs: Date.now(),
        endedAtMs: 0,
        error: null,
      };
      this.injected.push(record);
      try {
        await this.perform(fault);
      } catch (error) {
        record.error = error instanceof Error ? error.message.slice(0, 500) : String(error);
      }
      record.endedAtMs = Date.now();
    };
    // partner-sim's knobs are separate, so each partner fault is a target of its own. The broker and PostgreSQL
    // faults wait for every process fault before them and they for them: a killed service's restart is given
    // 90 s to be ready, which a broker start on a busy machine can take by itself, and the database fault
    // needs the server up to cut its connections.
    const partner = fault.kind.startsWith('partner-') || fault.kind === 'bank-down';
    const target = partner ? fault.kind : fault.target;
    const before = partner
      ? [this.turns.get(target)]
      : fault.kind === 'broker-kill' || fault.kind === 'pg-restart'
        ? [...this.turns.entries()]
            .filter(([key]) => !key.startsWith('partner-') && key !== 'bank-down')
            .map(([, turn]) => turn)
        : [this.turns.get(target), this.turns.get('kafka'), this.turns.get('postgresql')];
    const turn = Promise.all(
      before.filter((earlier): earlier is Promise<unknown> => earlier !== undefined),
    ).then(doIt);
    this.turns.set(
      target,
      turn.catch(() => undefined),
    );
    return turn;
  }

  private async perform(fault: PlannedFault): Promise<void> {
    switch (fault.kind) {
      case 'sigkill': {
        const service = fault.target as ServiceName;
        this.suite.kill(service);
        await sleep(fault.durationMs);
        await this.suite.start(service);
        return;
      }
      case 'sigstop': {
        const pid = this.suite.pid(fault.target as ServiceName);
        if (!pid) throw new Error(`${fault.target} is not running`);
        process.kill(pid, 'SIGSTOP');
        try {
          await sleep(fault.durationMs);
        } finally {
          process.kill(pid, 'SIGCONT');
        }
        return;
      }
      case 'partner-pending':
        return this.aggregatorWindow({ pendingShare: 0.3 }, fault.durationMs);
      case 'partner-drop':
        return this.aggregatorWindow({ dropShare: 0.1 }, fault.durationMs);
      case 'partner-latency':
        return this.aggregatorWindow({ latencyMs: 8_000 }, fault.durationMs);
      case 'bank-down':
        await this.suite.partnerSim('PUT', '/admin/bank/faults', { down: true });
        await sleep(fault.durationMs);
        await this.suite.partnerSim('PUT', '/admin/bank/faults', { down: CALM_BANK.down });
        return;
      case 'scale-out': {
        const second: ChildProcess = await this.suite.startSecondInstance(
          fault.target as 'members' | 'ledger',
        );
        await sleep(fault.durationMs);
        const exited = new Promise((resolve) => second.once('exit', resolve));
        second.kill('SIGTERM');
        await Promise.race([exited, sleep(15_000)]);
        if (second.exitCode === null) second.kill('SIGKILL');
        return;
      }
      case 'db-connections':
        // The database gone for the service: every connection dropped, mid-transaction or not, three times over.
        for (let round = 0; round < 3; round++) {
          await terminateBackends(
            this.suite.databaseNames.filter((name) => name.includes(`_${fault.target}_`)),
          );
          await sleep(fault.durationMs / 3);
        }
        return;
      case 'broker-kill':
        if (!this.broker) throw new Error('the broker fault needs the run’s own broker');
        this.broker.kill();
        await sleep(fault.durationMs);
        await this.broker.start();
        return;
      case 'pg-restart':
        await this.postgres.restart();
        return;
    }
  }

  private async aggregatorWindow(
    knobs: Partial<typeof CALM_AGGREGATOR>,
    durationMs: number,
  ): Promise<void> {
    await this.suite.partnerSim('PUT', '/admin/aggregator/faults', knobs);
    await sleep(durationMs);
    const calm = Object.fromEntries(
      Object.keys(knobs).map((knob) => [
        knob,
        CALM_AGGREGATOR[knob as keyof typeof CALM_AGGREGATOR],
      ]),
    );
    await this.suite.partnerSim('PUT', '/admin/aggregator/faults', calm);
  }
}

async function terminateBackends(databases: string[]): Promise<number> {
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ANY($1) AND pid <> pg_backend_pid()`,
      [databases],
    );
    return rowCount ?? 0;
  } finally {
    await admin.end();
  }
}
