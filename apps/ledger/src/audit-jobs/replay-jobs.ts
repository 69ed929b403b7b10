import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createKafka } from '@koperasi/messaging';
import pg from 'pg';
import { dropReplaySchema, runReplay, type AuditProgress, type ReplayResult, type ReplaySource, type ServiceStore } from '../audit/index.js';
import { LEDGER_OPTIONS, type ResolvedLedgerOptions } from '../ledger-options.js';
import { scopeComparison, type ScopedComparison } from './scope-comparison.js';

export type ReplayJobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ReplayJobProgress extends AuditProgress {
  /** Events per second since the job started running. */
  perSecond: number;
}

export interface ReplayJobResult extends ScopedComparison {
  source: ReplaySource;
  /** Every koperasi's events are replayed (the books are rebuilt whole); the comparison is of the job's own. */
  eventsReplayed: number;
  eventsPerSecond: number;
  rebuildSeconds: number;
  compareSeconds: number;
}

export interface ReplayJob {
  id: string;
  status: ReplayJobStatus;
  source: ReplaySource;
  koperasiIds: string[];
  requestedBy: string;
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  progress: ReplayJobProgress;
  result: ReplayJobResult | null;
  error: string | null;
}

export interface ReplayRequest {
  koperasiIds: string[];
  requestedBy: string;
  source: ReplaySource;
}

export const REPLAY_STORES = Symbol('REPLAY_STORES');

/** Replays rebuild the whole books: one at a time on this machine, a few waiting, the last ones remembered. */
const MAX_WAITING = 5;
const MAX_JOBS_KEPT = 100;
const MAX_LISTED = 10_000;

export class ReplayQueueFullError extends Error {
  constructor() {
    super(`${MAX_WAITING} replays are already waiting; try again when one has finished`);
  }
}

/**
 * Replay jobs of the ledger: each runs runReplay (rebuild beside the live books, compare), reports progress
 * while it runs and keeps its comparison, cut to the job's koperasi. Jobs live in memory: a replay is
 * repeatable from the history, so a restart loses nothing an auditor cannot ask for again.
 */
@Injectable()
export class ReplayJobs implements OnApplicationShutdown {
  private readonly logger = new Logger(ReplayJobs.name);
  private readonly jobs = new Map<string, ReplayJob>();
  private readonly waiting: ReplayJob[] = [];
  private running: Promise<void> | null = null;

  constructor(
    @Inject(LEDGER_OPTIONS) private readonly options: ResolvedLedgerOptions,
    @Inject(REPLAY_STORES) private readonly stores: ServiceStore[],
  ) {}

  start(request: ReplayRequest): ReplayJob {
    if (this.waiting.length >= MAX_WAITING) throw new ReplayQueueFullError();
    const job: ReplayJob = {
      id: randomUUID(),
      status: 'queued',
      source: request.source,
      koperasiIds: request.koperasiIds,
      requestedBy: request.requestedBy,
      requestedAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
      progress: { phase: 'waiting for the replay before it', done: 0, total: null, unit: 'events', perSecond: 0 },
      result: null,
      error: null,
    };
    this.remember(job);
    this.waiting.push(job);
    this.running ??= this.drain();
    return job;
  }

  get(id: string): ReplayJob | null {
    return this.jobs.get(id) ?? null;
  }

  async onApplicationShutdown(): Promise<void> {
    this.waiting.length = 0;
    await this.running;
  }

  private async drain(): Promise<void> {
    for (let job = this.waiting.shift(); job; job = this.waiting.shift()) await this.run(job);
    this.running = null;
  }

  private async run(job: ReplayJob): Promise<void> {
    job.status = 'running';
    job.startedAt = new Date().toISOString();
    const startedMs = performance.now();
    const kafka = job.source === 'kafka' ? createKafka('ledger-audit-replay', this.options.kafkaBrokers) : null;
    try {
      const replay = await runReplay(
        { source: job.source, ledgerDatabaseUrl: this.options.databaseUrl, stores: this.stores, kafka, keepSchema: true, maxListed: MAX_LISTED },
        (progress) => {
          const seconds = (performance.now() - startedMs) / 1000;
          job.progress = { ...progress, perSecond: seconds > 0 ? Math.round(progress.done / seconds) : 0 };
        },
      );
      job.result = await this.scoped(job, replay);
      job.status = 'done';
    } catch (error) {
      this.logger.error(`replay ${job.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      job.error = error instanceof Error ? error.message : String(error);
      job.status = 'failed';
    } finally {
      job.finishedAt = new Date().toISOString();
    }
  }

  /** Looks up the koperasi of each differing entry in both books, then drops the rebuilt schema. */
  private async scoped(job: ReplayJob, replay: ReplayResult): Promise<ReplayJobResult> {
    const client = new pg.Client({ connectionString: this.options.databaseUrl });
    await client.connect();
    try {
      const eventIds = replay.comparison.entries.listed.map((difference) => difference.sourceEventId);
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
      return {
        ...comparison,
        source: replay.source,
        eventsReplayed: replay.events,
        eventsPerSecond: replay.eventsPerSecond,
        rebuildSeconds: replay.rebuildSeconds,
        compareSeconds: replay.compareSeconds,
      };
    } finally {
      await dropReplaySchema(client, replay.schema).finally(() => client.end());
    }
  }

  private remember(job: ReplayJob): void {
    this.jobs.set(job.id, job);
    for (const [id, kept] of this.jobs) {
      if (this.jobs.size <= MAX_JOBS_KEPT) break;
      if (kept.status === 'done' || kept.status === 'failed') this.jobs.delete(id);
    }
  }
}
