import pg from 'pg';
import { UpcasterRegistry } from '@koperasi/contracts';
import { BulkProjector, type ProjectedBooks, type UnpostableEvent } from './bulk-projector.js';
import { readStoreRange, type StoreRange } from './event-sources.js';
import { assertReplaySchema } from './replay-schema.js';

/** A slice of one store's history into the replay schema's journal, with entry ids of its own. */
export interface StoreReplayTask {
  range: StoreRange;
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
  events: number;
}

/**
 * Reads one slice of a store and projects it into the replay schema through a connection of its own, so
 * the slices of a replay can be projected side by side, each on a worker thread.
 */
export async function replayStore(
  task: StoreReplayTask,
  onProgress: (progress: StoreReplayProgress) => void,
): Promise<StoreReplayOutcome> {
  assertReplaySchema(task.schema);
  const client = new pg.Client({ connectionString: task.ledgerDatabaseUrl });
  await client.connect();
  try {
    await client.query(`SET search_path TO ${task.schema}`);
    // The rows go to a schema that is rebuilt whole if anything fails: no need to wait for each to be durable.
    await client.query('SET synchronous_commit = off');
    const projector = new BulkProjector(client, {
      dedupe: false,
      firstEntryId: task.firstEntryId,
      entryIdStride: task.entryIdStride,
    });
    await readStoreRange(
      task.range,
      {
        asOf: task.asOf === null ? null : new Date(task.asOf),
        upcasters: new UpcasterRegistry(),
        pageSize: task.pageSize,
      },
      async (service, events) => {
        await projector.project(service, events);
        onProgress({ events: events.length });
      },
    );
    const books = await projector.flush();
    const { stats } = projector;
    return {
      ...books,
      events: stats.events,
      entries: stats.entries,
      lines: stats.lines,
      unpostable: stats.unpostable,
      unpostableCount: projector.unpostableTotal,
    };
  } finally {
    await client.end();
  }
}
