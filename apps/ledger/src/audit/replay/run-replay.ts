import { availableParallelism } from 'node:os';
import pg from 'pg';
import type { Kafka } from 'kafkajs';
import { UpcasterRegistry } from '@koperasi/contracts';
import type { ProgressListener } from '../progress.js';
import type { ServiceStore } from '../sources/service-stores.js';
import { compiledWorker, runWorkerTask } from '../worker-threads.js';
import { ACCOUNT_DAYS_FROM_JOURNAL } from '../../schema/ledger-account-days.migration.js';
import {
  BulkProjector,
  mergeRunningSums,
  writeRunningSums,
  type ProjectedBooks,
  type UnpostableEvent,
} from './bulk-projector.js';
import { compareBooks, type BooksComparison } from './compare-books.js';
import { planStoreRanges, readKafkaHistory } from './event-sources.js';
import {
  createReplaySchema,
  deferStructure,
  dropReplaySchema,
  replaySchemaName,
  restoreStructure,
} from './replay-schema.js';
import {
  replayStore,
  type StoreReplayOutcome,
  type StoreReplayProgress,
  type StoreReplayTask,
} from './store-replay-task.js';

export type ReplaySource = 'stores' | 'kafka';

export interface ReplayOptions {
  source: ReplaySource;
  /** The live ledger's database: the rebuilt books go into a schema of their own there, next to the live ones. */
  ledgerDatabaseUrl: string;
  stores: readonly ServiceStore[];
  /** Needed for the Kafka source. */
  kafka?: Kafka | null;
  /** Rebuild the books as they stood at this instant (events that occurred up to it) and compare with live as of it. */
  asOf?: Date | null;
  /** Keep the rebuilt schema for inspection; by default it is dropped once compared. */
  keepSchema?: boolean;
  schema?: string;
  liveSchema?: string;
  pageSize?: number;
  /** Differences listed per kind; counts are always complete for entries. */
  maxListed?: number;
  upcasters?: UpcasterRegistry;
  /** Project slices of the stores on worker threads (the default where the compiled worker exists). */
  workers?: boolean;
}

export interface ReplayResult {
  /** The rebuilt books equal the live ones. */
  identical: boolean;
  source: ReplaySource;
  asOf: string | null;
  schema: string;
  schemaKept: boolean;
  events: number;
  entries: number;
  lines: number;
  duplicates: number;
  /** Events the posting rules refuse (and Kafka messages that are no envelope): live dead-letters them too. */
  unpostable: UnpostableEvent[];
  unpostableCount: number;
  rebuildSeconds: number;
  eventsPerSecond: number;
  compareSeconds: number;
  comparison: BooksComparison;
}

const DEFAULT_PAGE_SIZE = 5_000;
const DEFAULT_MAX_LISTED = 1000;
const JOURNAL_TABLES = ['journal_entries', 'journal_lines'];
const WORKER_FILE = new URL('./replay-worker.js', import.meta.url);
/** Worker threads at once: one more than the cores, since each waits on PostgreSQL part of the time. */
const MAX_WORKERS = 4;
/** Below this a slice is not worth a thread of its own. */
const MIN_EVENTS_PER_RANGE = 20_000;

interface Rebuilt extends ProjectedBooks {
  events: number;
  entries: number;
  lines: number;
  duplicates: number;
  unpostable: UnpostableEvent[];
  unpostableCount: number;
}

/**
 * The auditor's replay: rebuilds the ledger's books from the event history (every service's store, or the
 * event topics from their start) into a new schema of the ledger database, with the ledger's own migrations
 * and posting rules, then compares them with the live books. Reads the live tables only; writes only its
 * schema; joins no live consumer group.
 */
export async function runReplay(
  options: ReplayOptions,
  onProgress?: ProgressListener,
): Promise<ReplayResult> {
  if (options.source === 'kafka' && !options.kafka)
    throw new Error('a replay from Kafka needs Kafka brokers');
  const schema = options.schema ?? replaySchemaName();
  const asOf = options.asOf ?? null;
  const startedAt = new Date();
  const client = new pg.Client({ connectionString: options.ledgerDatabaseUrl });
  await client.connect();
  let kept = false;
  try {
    await createReplaySchema(client, schema);
    const deferred = await deferStructure(client, schema, JOURNAL_TABLES);
    const rebuildStartedMs = performance.now();
    const rebuilt =
      options.source === 'kafka'
        ? await rebuildFromKafka(client, options, asOf, onProgress)
        : await rebuildFromStores(schema, options, asOf, onProgress);
    await writeRunningSums(client, rebuilt.sums, rebuilt.lastEntryId);
    // The day sums from the rebuilt journal: compared with the live ones, which the as-of reports read.
    await client.query(ACCOUNT_DAYS_FROM_JOURNAL);
    // Keys and indexes only for books someone will look at: the comparison joins by hash and needs none.
    if (options.keepSchema) {
      onProgress?.({
        phase: 'index the rebuilt books',
        done: rebuilt.events,
        total: rebuilt.events,
        unit: 'events',
      });
      await restoreStructure(client, schema, deferred);
    }
    await client.query(
      `ANALYZE ${schema}.journal_entries, ${schema}.journal_lines, ${schema}.account_day_balances`,
    );
    const rebuildSeconds = (performance.now() - rebuildStartedMs) / 1000;

    onProgress?.({
      phase: 'compare with the live books',
      done: rebuilt.events,
      total: rebuilt.events,
      unit: 'events',
    });
    const compareStartedMs = performance.now();
    const comparison = await compareBooks(client, {
      rebuiltSchema: schema,
      liveSchema: options.liveSchema ?? 'public',
      asOf,
      replayStartedAt: startedAt,
      maxListed: options.maxListed ?? DEFAULT_MAX_LISTED,
    });
    const compareSeconds = (performance.now() - compareStartedMs) / 1000;
    kept = options.keepSchema ?? false;
    return {
      identical: comparison.identical,
      source: options.source,
      asOf: asOf?.toISOString() ?? null,
      schema,
      schemaKept: kept,
      events: rebuilt.events,
      entries: rebuilt.entries,
      lines: rebuilt.lines,
      duplicates: rebuilt.duplicates,
      unpostable: rebuilt.unpostable,
      unpostableCount: rebuilt.unpostableCount,
      rebuildSeconds,
      eventsPerSecond: Math.round(rebuilt.events / Math.max(rebuildSeconds, 1e-3)),
      compareSeconds,
      comparison,
    };
  } finally {
    try {
      if (!kept) await dropReplaySchema(client, schema);
    } finally {
      await client.end();
    }
  }
}

/**
 * The stores cut into slices of about equal size, projected a few at a time on worker threads (or one
 * after another in this thread), into one journal.
 */
async function rebuildFromStores(
  schema: string,
  options: ReplayOptions,
  asOf: Date | null,
  onProgress?: ProgressListener,
): Promise<Rebuilt> {
  const phase = 'replay from the event stores';
  const useWorkers = (options.workers ?? true) && compiledWorker(WORKER_FILE);
  const lanes = useWorkers ? Math.max(1, Math.min(MAX_WORKERS, availableParallelism() + 1)) : 1;
  const totalEvents = await countStoreEvents(options.stores, asOf);
  // Two slices per lane, so the lanes finish together even when the stores differ in size.
  const ranges = await planStoreRanges(
    options.stores,
    asOf,
    Math.max(MIN_EVENTS_PER_RANGE, Math.ceil(totalEvents / (lanes * 2))),
  );
  const total = ranges.reduce((sum, range) => sum + range.events, 0);
  let done = 0;
  onProgress?.({ phase, done, total, unit: 'events' });
  const progress = (update: StoreReplayProgress) => {
    done += update.events;
    onProgress?.({ phase, done, total, unit: 'events' });
  };
  const tasks: StoreReplayTask[] = ranges
    .map((range, index) => ({
      range,
      ledgerDatabaseUrl: options.ledgerDatabaseUrl,
      schema,
      asOf: asOf?.toISOString() ?? null,
      pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
      firstEntryId: index + 1,
      entryIdStride: ranges.length,
    }))
    .sort((a, b) => b.range.events - a.range.events);
  const outcomes: StoreReplayOutcome[] = [];
  const lane = async () => {
    for (let task = tasks.shift(); task; task = tasks.shift()) {
      outcomes.push(
        useWorkers
          ? await runWorkerTask<StoreReplayTask, StoreReplayProgress, StoreReplayOutcome>(
              WORKER_FILE,
              task,
              progress,
            )
          : await replayStore(task, progress),
      );
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return {
    sums: mergeRunningSums(outcomes.map((outcome) => outcome.sums)),
    lastEntryId: Math.max(0, ...outcomes.map((outcome) => outcome.lastEntryId)),
    events: sum(outcomes, (outcome) => outcome.events),
    entries: sum(outcomes, (outcome) => outcome.entries),
    lines: sum(outcomes, (outcome) => outcome.lines),
    duplicates: 0,
    unpostable: outcomes.flatMap((outcome) => outcome.unpostable),
    unpostableCount: sum(outcomes, (outcome) => outcome.unpostableCount),
  };
}

async function countStoreEvents(
  stores: readonly ServiceStore[],
  asOf: Date | null,
): Promise<number> {
  const counts = await Promise.all(
    stores.map(async (store) => {
      const client = new pg.Client({ connectionString: store.databaseUrl });
      await client.connect();
      try {
        const { rows } = await client.query<{ n: string }>(
          'SELECT count(*) AS n FROM events WHERE $1::timestamptz IS NULL OR occurred_at <= $1',
          [asOf],
        );
        return Number(rows[0].n);
      } finally {
        await client.end();
      }
    }),
  );
  return counts.reduce((total, count) => total + count, 0);
}

/** The topics read by one throwaway consumer group, projected in this thread; a repeated event is booked once. */
async function rebuildFromKafka(
  client: pg.Client,
  options: ReplayOptions,
  asOf: Date | null,
  onProgress?: ProgressListener,
): Promise<Rebuilt> {
  const phase = 'replay from the Kafka event topics';
  const projector = new BulkProjector(client, { dedupe: true });
  let total: number | null = null;
  let done = 0;
  await readKafkaHistory(
    options.kafka!,
    options.stores,
    {
      asOf,
      upcasters: options.upcasters ?? new UpcasterRegistry(),
      pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
      onTotal: (messages) => {
        total = messages;
      },
      onMalformed: (service, where, error) =>
        projector.reportUnpostable({
          service,
          eventId: '',
          type: '',
          streamId: where,
          streamVersion: 0,
          error: `not an event envelope: ${error.message}`,
        }),
    },
    async (service, events) => {
      await projector.project(service, events);
      done += events.length;
      onProgress?.({ phase, done, total, unit: 'messages' });
    },
  );
  const books = await projector.flush();
  const { stats } = projector;
  return {
    ...books,
    events: stats.events,
    entries: stats.entries,
    lines: stats.lines,
    duplicates: stats.duplicates,
    unpostable: stats.unpostable,
    unpostableCount: projector.unpostableTotal,
  };
}

function sum<T>(items: readonly T[], of: (item: T) => number): number {
  return items.reduce((total, item) => total + of(item), 0);
}
