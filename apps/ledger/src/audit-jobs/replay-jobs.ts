import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { createKafka } from '@koperasi/messaging';
import pg from 'pg';
import type { Pool } from 'pg';
import {
  dropReplaySchema,
  replaySchemaName,
  runReplay,
  type ReplayResult,
  type ServiceStore,
} from '../audit/index.js';
import { PG_POOL } from '../database/pg-pool.provider.js';
import { LEDGER_OPTIONS, type ResolvedLedgerOptions } from '../ledger-options.js';
import type { ReplayJob, ReplayJobResult, ReplayRequest } from './replay-job.js';
import { ReplayJobStore } from './replay-job-store.js';
import { scopeComparison } from './scope-comparison.js';

export type { ReplayJob } from './replay-job.js';

export const REPLAY_STORES = Symbol('REPLAY_STORES');

/** Replays rebuild the whole books: one at a time on this machine, a few waiting. */
const MAX_WAITING = 5;
const MAX_LISTED = 10_000;
/** Progress is written this often while a job runs, so a restart (and every poll) sees where it got to. */
const PROGRESS_WRITE_MS = 500;
const WAITING_PHASE = 'waiting for the replay before it';
const RESTARTED_PHASE = 'restarted from the beginning after the ledger restarted';

export class ReplayQueueFullError extends Error {
  constructor() {
    super(`${MAX_WAITING} replays are already waiting; try again when one has finished`);
  }
}

/**
 * Replay jobs of the ledger: each runs runReplay (rebuild beside the live books, compare), reports progress
 * while it runs and keeps its comparison, cut to the job's koperasi. Jobs are kept in the ledger database
 * (audit_replay_jobs). A rebuild cannot continue where a stopped process left it (its unlogged tables and
 * running sums do not survive), so on start the ledger takes up every unfinished job again from the
 * beginning, drops what the cut-short run had built, and the job says it was restarted. One ledger process
 * runs the jobs (the suite runs one ledger).
 */
@Injectable()
export class ReplayJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReplayJobs.name);
  private readonly store: ReplayJobStore;
  private readonly waiting: ReplayJob[] = [];
  /** The job running now, its progress newer than the database's by up to PROGRESS_WRITE_MS. */
  private current: ReplayJob | null = null;
  private running: Promise<void> | null = null;
  private stopping = false;

  constructor(
    @Inject(LEDGER_OPTIONS) private readonly options: ResolvedLedgerOptions,
    @Inject(REPLAY_STORES) private readonly stores: ServiceStore[],
    @Inject(PG_POOL) pool: Pool,
  ) {
    this.store = new ReplayJobStore(pool);
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const { job, schema } of await this.store.unfinished()) {
      if (schema !== null) await this.dropSchema(schema);
      const wasRunning = job.status === 'running';
      if (wasRunning) {
        job.restarts += 1;
        job.lastRestartedAt = new Date().toISOString();
        job.status = 'queued';
        job.startedAt = null;
        job.progress = {
          phase: RESTARTED_PHASE,
          done: 0,
          total: null,
          unit: 'events',
          perSecond: 0,
        };
        await this.store.restarted(job);
      }
      this.logger.log(
        `replay ${job.id} ${wasRunning ? 'restarted from the beginning' : 'still queued'} after the ledger restarted`,
      );
      this.waiting.push(job);
    }
    if (this.waiting.length > 0) this.running ??= this.drain();
  }

  async start(request: ReplayRequest): Promise<ReplayJob> {
    if ((await this.store.countQueued()) >= MAX_WAITING) throw new ReplayQueueFullError();
    const job: ReplayJob = {
      id: randomUUID(),
      status: 'queued',
      source: request.source,
      koperasiIds: request.koperasiIds,
      requestedBy: request.requestedBy,
      requestedAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
      progress: { phase: WAITING_PHASE, done: 0, total: null, unit: 'events', perSecond: 0 },
      result: null,
      error: null,
      restarts: 0,
      lastRestartedAt: null,
    };
    await this.store.insert(job);
    this.waiting.push(job);
    this.running ??= this.drain();
    return { ...job };
  }

  async get(id: string): Promise<ReplayJob | null> {
    if (this.current?.id === id) return { ...this.current };
    return this.store.get(id);
  }

  async onApplicationShutdown(): Promise<void> {
    // Waiting jobs stay queued in the database: the next start takes them up.
    this.stopping = true;
    this.waiting.length = 0;
    await this.running;
  }

  private async drain(): Promise<void> {
    for (let job = this.waiting.shift(); job && !this.stopping; job = this.waiting.shift())
      await this.run(job);
    this.running = null;
  }

  private async run(job: ReplayJob): Promise<void> {
    const schema = replaySchemaName();
    job.status = 'running';
    job.startedAt = new Date().toISOString();
    await this.store.started(job, schema);
    this.current = job;
    const startedMs = performance.now();
    let written = job.progress;
    const writer = setInterval(() => {
      if (job.progress === written) return;
      written = job.progress;
      this.store
        .progressed(job)
        .catch((error: unknown) =>
          this.logger.warn(`replay ${job.id}: progress not saved: ${String(error)}`),
        );
    }, PROGRESS_WRITE_MS);
    const kafka =
      job.source === 'kafka' ? createKafka('ledger-audit-replay', this.options.kafkaBrokers) : null;
    try {
      const replay = await runReplay(
        {
          source: job.source,
          ledgerDatabaseUrl: this.options.databaseUrl,
          stores: this.stores,
          kafka,
          keepSchema: true,
          schema,
          maxListed: MAX_LISTED,
        },
        (progress) => {
          const seconds = (performance.now() - startedMs) / 1000;
          job.progress = {
            ...progress,
            perSecond: seconds > 0 ? Math.round(progress.done / seconds) : 0,
          };
        },
      );
      job.result = await this.scoped(job, replay);
      job.status = 'done';
    } catch (error) {
      this.logger.error(
        `replay ${job.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      job.error = error instanceof Error ? error.message : String(error);
      job.status = 'failed';
    } finally {
      clearInterval(writer);
      job.finishedAt = new Date().toISOString();
      await this.store
        .finished(job)
        .catch((error: unknown) =>
          this.logger.error(`replay ${job.id}: outcome not saved: ${String(error)}`),
        );
      this.current = null;
    }
  }

  /** Looks up the koperasi of each differing entry in both books, then drops the rebuilt schema. */
  private async scoped(job: ReplayJob, replay: ReplayResult): Promise<ReplayJobResult> {
    const client = new pg.Client({ connectionString: this.options.databaseUrl });
    await client.connect();
    try {
      const eventIds = replay.comparison.entries.listed.map(
        (difference) => difference.sourceEventId,
      );
      const { rows } = await client.query<{ event_id: string; koperasi_id: string }>(
        `SELECT source_event_id::text AS event_id, koperasi_id FROM ${replay.schema}.journal_entries WHERE source_event_id = ANY($1::uuid[])
         UNION SELECT source_event_id::text, koperasi_id FROM public.journal_entries WHERE source_event_id = ANY($1::uuid[])`,
        [eventIds],
      );
      const comparison = scopeComparison(
        replay.comparison,
        job.koperasiIds,
        new Map(rows.map((row) => [row.event_id, row.koperasi_id])),
        MAX_LISTED,
      );
      const codes = [
        ...comparison.accounts.map((difference) => difference.accountCode),
        ...comparison.accountDays.differences.map((difference) => difference.accountCode),
      ];
      const names = await client.query<{ code: string; name: string }>(
        'SELECT code, name FROM public.chart_of_accounts WHERE code = ANY($1::text[])',
        [codes],
      );
      return {
        ...comparison,
        source: replay.source,
        eventsReplayed: replay.events,
        eventsPerSecond: replay.eventsPerSecond,
        rebuildSeconds: replay.rebuildSeconds,
        compareSeconds: replay.compareSeconds,
        accountNames: Object.fromEntries(names.rows.map((row) => [row.code, row.name])),
      };
    } finally {
      await dropReplaySchema(client, replay.schema).finally(() => client.end());
    }
  }

  private async dropSchema(schema: string): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.databaseUrl });
    await client.connect();
    try {
      await dropReplaySchema(client, schema);
    } finally {
      await client.end();
    }
  }
}
