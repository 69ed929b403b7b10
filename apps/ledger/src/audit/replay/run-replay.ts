import pg from 'pg';
import type { Kafka } from 'kafkajs';
import { UpcasterRegistry } from '@koperasi/contracts';
import type { ProgressListener } from '../progress.js';
import type { ServiceStore } from '../sources/service-stores.js';
import { BulkProjector, type UnpostableEvent } from './bulk-projector.js';
import { compareBooks, type BooksComparison } from './compare-books.js';
import { readKafkaHistory, readStoreHistory } from './event-sources.js';
import { createReplaySchema, deferStructure, dropReplaySchema, replaySchemaName, restoreStructure } from './replay-schema.js';

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

const DEFAULT_PAGE_SIZE = 10_000;
const DEFAULT_MAX_LISTED = 1000;
const JOURNAL_TABLES = ['journal_entries', 'journal_lines'];

/**
 * The auditor's replay: rebuilds the ledger's books from the event history (every service's store, or the
 * event topics from their start) into a new schema of the ledger database, with the ledger's own migrations
 * and posting rules, then compares them with the live books. Reads the live tables only; writes only its
 * schema; joins no live consumer group.
 */
export async function runReplay(options: ReplayOptions, onProgress?: ProgressListener): Promise<ReplayResult> {
  if (options.source === 'kafka' && !options.kafka) throw new Error('a replay from Kafka needs Kafka brokers');
  const schema = options.schema ?? replaySchemaName();
  const asOf = options.asOf ?? null;
  const startedAt = new Date();
  const client = new pg.Client({ connectionString: options.ledgerDatabaseUrl });
  await client.connect();
  let kept = false;
  try {
    await createReplaySchema(client, schema);
    const deferred = await deferStructure(client, schema, JOURNAL_TABLES);
    const projector = new BulkProjector(client, { dedupe: options.source === 'kafka' });
    const rebuildStartedMs = performance.now();
    let total: number | null = null;
    let done = 0;
    const phase = `replay from ${options.source === 'kafka' ? 'Kafka' : 'the event stores'}`;
    const readOptions = {
      asOf,
      upcasters: options.upcasters ?? new UpcasterRegistry(),
      pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
      onTotal: (events: number) => {
        total = events;
        onProgress?.({ phase, done, total, unit: 'events' as const });
      },
      onMalformed: (service: ServiceStore['service'], where: string, error: Error) =>
        projector.reportUnpostable({ service, eventId: '', type: '', streamId: where, streamVersion: 0, error: `not an event envelope: ${error.message}` }),
    };
    const onBatch = async (service: ServiceStore['service'], events: Parameters<BulkProjector['project']>[1]) => {
      await projector.project(service, events);
      done += events.length;
      onProgress?.({ phase, done, total, unit: 'events' });
    };
    if (options.source === 'kafka') await readKafkaHistory(options.kafka!, options.stores, readOptions, onBatch);
    else await readStoreHistory(options.stores, readOptions, onBatch);
    await projector.finish();
    onProgress?.({ phase: 'index the rebuilt books', done, total, unit: 'events' });
    await restoreStructure(client, schema, deferred);
    await client.query(`ANALYZE ${schema}.journal_entries, ${schema}.journal_lines`);
    const rebuildSeconds = (performance.now() - rebuildStartedMs) / 1000;

    onProgress?.({ phase: 'compare with the live books', done, total, unit: 'events' });
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
    const { stats } = projector;
    return {
      identical: comparison.identical,
      source: options.source,
      asOf: asOf?.toISOString() ?? null,
      schema,
      schemaKept: kept,
      events: stats.events,
      entries: stats.entries,
      lines: stats.lines,
      duplicates: stats.duplicates,
      unpostable: stats.unpostable,
      unpostableCount: projector.unpostableTotal,
      rebuildSeconds,
      eventsPerSecond: Math.round(stats.events / Math.max(rebuildSeconds, 1e-3)),
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
