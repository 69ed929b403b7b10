import pg from 'pg';
import { UpcasterRegistry } from '@koperasi/contracts';
import type { ServiceStore } from '../sources/service-stores.js';
import { BulkProjector, type ProjectedBooks, type UnpostableEvent } from './bulk-projector.js';
import { readStoreHistory } from './event-sources.js';
import { assertReplaySchema } from './replay-schema.js';

/** One store's share of a replay: its events into the replay schema's journal, with ids of its own. */
export interface StoreReplayTask {
  store: ServiceStore;
  ledgerDatabaseUrl: string;
  schema: string;
  /** ISO instant, or null for the whole history. */
  asOf: string | null;
  pageSize: number;
  firstEntryId: number;
  entryIdStride: number;
}

export interface StoreReplayOutcome extends ProjectedBooks {
  events: number;
  entries: number;
  lines: number;
  unpostable: UnpostableEvent[];
  unpostableCount: number;
}

export interface StoreReplayProgress {
  total?: number;
  events?: number;
}

/**
 * Reads one store in commit order and projects it into the replay schema through a connection of its own,
 * so the stores of a replay can be projected side by side, each on a worker thread.
 */
export async function replayStore(task: StoreReplayTask, onProgress: (progress: StoreReplayProgress) => void): Promise<StoreReplayOutcome> {
  assertReplaySchema(task.schema);
  const client = new pg.Client({ connectionString: task.ledgerDatabaseUrl });
  await client.connect();
  try {
    await client.query(`SET search_path TO ${task.schema}`);
    // The rows go to a schema that is rebuilt whole if anything fails: no need to wait for each to be durable.
    await client.query('SET synchronous_commit = off');
    const projector = new BulkProjector(client, { dedupe: false, firstEntryId: task.firstEntryId, entryIdStride: task.entryIdStride });
    await readStoreHistory(
      [task.store],
      {
        asOf: task.asOf === null ? null : new Date(task.asOf),
        upcasters: new UpcasterRegistry(),
        pageSize: task.pageSize,
        onTotal: (total) => onProgress({ total }),
        onMalformed: () => undefined,
      },
      async (service, events) => {
        await projector.project(service, events);
        onProgress({ events: events.length });
      },
    );
    const books = await projector.flush();
    const { stats } = projector;
    return { ...books, events: stats.events, entries: stats.entries, lines: stats.lines, unpostable: stats.unpostable, unpostableCount: projector.unpostableTotal };
  } finally {
    await client.end();
  }
}
