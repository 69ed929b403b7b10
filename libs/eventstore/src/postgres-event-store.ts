import { randomUUID } from 'node:crypto';
import { CombinedWrite, inTransaction } from '@koperasi/database';
import type { Pool, PoolClient } from 'pg';
import {
  GENESIS_HASH,
  UpcasterRegistry,
  type EventContext,
  type EventEnvelope,
  type NewEvent,
} from '@koperasi/contracts';
import { EVENTS_APPENDED_CHANNEL } from './events-appended-channel.js';
import { chainHash } from './hash-chain.js';
import { StreamVersionConflictError } from './stream-version-conflict.error.js';
import {
  COMMITTED_AFTER_CHECKPOINT,
  EVENT_COLUMNS,
  START_OF_LOG,
  toStoredEvent,
  type EventRow,
  type GlobalCheckpoint,
  type StoredEvent,
} from './stored-event.js';

export interface AppendResult {
  streamId: string;
  nextExpectedVersion: number;
  events: EventEnvelope[];
}

export interface EventStoreOptions {
  /** Appends waiting for the same write transaction; bounds the transaction's size. */
  maxAppendsPerBatch?: number;
  /** Write transactions in flight at once; each takes one pooled connection. */
  maxConcurrentBatches?: number;
  maxEventsPerAppend?: number;
  maxEventsPerRead?: number;
  upcasters?: UpcasterRegistry;
}

export interface AppendRequest {
  streamId: string;
  expectedVersion: number;
  events: NewEvent[];
  context: EventContext;
}

interface PendingAppend extends AppendRequest {
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

interface StreamHead {
  version: number;
  lastHash: string;
}

const UNIQUE_VIOLATION = '23505';

/**
 * PostgreSQL event store. Concurrent appends are grouped into one write transaction (group commit): a
 * single insert and a single stream update for many callers, each still checked against its own expected
 * version and answered on its own. A batch that fails as a whole is retried one append at a time, so one
 * caller's conflict never fails another's append.
 */
export class PostgresEventStore {
  private readonly queue: PendingAppend[] = [];
  private batchesInFlight = 0;
  private readonly maxAppendsPerBatch: number;
  private readonly maxConcurrentBatches: number;
  private readonly maxEventsPerAppend: number;
  private readonly maxEventsPerRead: number;
  private readonly upcasters: UpcasterRegistry;

  constructor(
    private readonly pool: Pool,
    options: EventStoreOptions = {},
  ) {
    this.maxAppendsPerBatch = options.maxAppendsPerBatch ?? 500;
    this.maxConcurrentBatches = options.maxConcurrentBatches ?? 2;
    this.maxEventsPerAppend = options.maxEventsPerAppend ?? 100;
    this.maxEventsPerRead = options.maxEventsPerRead ?? 10_000;
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
  }

  /** `expectedVersion` 0 means the stream must not exist yet. */
  append(
    streamId: string,
    expectedVersion: number,
    events: NewEvent[],
    context: EventContext,
  ): Promise<AppendResult> {
    const request = { streamId, expectedVersion, events, context };
    this.assertAppendable(request);
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ ...request, resolve, reject });
      this.drain();
    });
  }

  /**
   * Appends inside the caller's open transaction, for writes that must commit or fail together with the
   * events (a uniqueness claim, say). Throws StreamVersionConflictError; the caller rolls back.
   */
  async appendWithin(
    tx: PoolClient,
    streamId: string,
    expectedVersion: number,
    events: NewEvent[],
    context: EventContext,
  ): Promise<AppendResult> {
    const request = { streamId, expectedVersion, events, context };
    this.assertAppendable(request);
    const [outcome] = await this.writeInTransaction(tx, [request]);
    if (outcome instanceof Error) throw outcome;
    return outcome;
  }

  /**
   * A batch's appends inside the caller's open transaction: one insert, one stream update. Each append
   * answers on its own, with its result or a StreamVersionConflictError. The appends of a stream are a chain,
   * each decided on the state the one before it left: once one conflicts, the later ones of its stream do too.
   */
  async appendBatchWithin(
    tx: PoolClient,
    requests: AppendRequest[],
    write?: CombinedWrite,
  ): Promise<(AppendResult | StreamVersionConflictError)[]> {
    for (const request of requests) this.assertAppendable(request);
    return this.writeInTransaction(tx, requests, true, write);
  }

  async readStream(streamId: string, fromVersion = 1): Promise<EventEnvelope[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 AND stream_version >= $2
       ORDER BY stream_version LIMIT $3`,
      [streamId, fromVersion, this.maxEventsPerRead],
    );
    if (rows.length === this.maxEventsPerRead) {
      throw new Error(
        `readStream: ${streamId} has over ${this.maxEventsPerRead} events; snapshot it`,
      );
    }
    return rows.map((row) => this.upcasters.upcast(toStoredEvent(row)));
  }

  /**
   * Several streams in one round trip, each in version order; a stream with no events maps to []. `db` is the
   * caller's transaction when it holds the locks the read must see under.
   */
  async readStreams(
    streamIds: string[],
    db: Pool | PoolClient = this.pool,
  ): Promise<Map<string, EventEnvelope[]>> {
    const { rows } = await db.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ANY($1::text[])
       ORDER BY stream_id, stream_version LIMIT $2`,
      [streamIds, this.maxEventsPerRead],
    );
    if (rows.length === this.maxEventsPerRead) {
      throw new Error(
        `readStreams: ${streamIds.length} streams hold over ${this.maxEventsPerRead} events; read fewer at once`,
      );
    }
    const streams = new Map<string, EventEnvelope[]>(streamIds.map((id) => [id, []]));
    for (const row of rows)
      streams.get(row.stream_id)?.push(this.upcasters.upcast(toStoredEvent(row)));
    return streams;
  }

  /**
   * Committed events after `checkpoint`, in commit order (see COMMITTED_AFTER_CHECKPOINT), and whether
   * committed events exist that the read leaves for later because an older transaction is still open
   * somewhere on the server (`heldBack`: look again soon). One statement: the relay reads on every commit.
   */
  async readAll(
    checkpoint: GlobalCheckpoint = START_OF_LOG,
    limit = 1000,
  ): Promise<{ events: StoredEvent[]; checkpoint: GlobalCheckpoint; heldBack: boolean }> {
    if (limit < 1 || limit > this.maxEventsPerRead)
      throw new Error(`readAll: limit ${limit} out of range`);
    // One row even when the page is empty, to carry held_back; its event columns are then null. held_back
    // asks for the first held-back row in commit order rather than EXISTS: the planner cannot estimate the
    // snapshot's xmin, and for EXISTS it chose a sequential scan that read the whole table before the
    // held-back rows at its end (2.9 ms a relay read under bench:loans).
    const { rows } = await this.pool.query<
      { [K in keyof EventRow]: EventRow[K] | null } & { held_back: boolean }
    >(
      `WITH page AS (
         SELECT ${EVENT_COLUMNS}, events.transaction_id AS commit_order
         FROM events WHERE ${COMMITTED_AFTER_CHECKPOINT} LIMIT $3)
       SELECT page.*, held.held_back
       FROM (SELECT (
               SELECT transaction_id FROM events
               WHERE transaction_id >= greatest($1::xid8, pg_snapshot_xmin(pg_current_snapshot()))
               ORDER BY transaction_id LIMIT 1
             ) IS NOT NULL AS held_back) AS held
       LEFT JOIN page ON true
       ORDER BY page.commit_order, page.global_position`,
      [checkpoint.transactionId, checkpoint.globalPosition, limit],
    );
    const events = rows
      .filter((row): row is EventRow & { held_back: boolean } => row.global_position !== null)
      .map((row) => this.upcasters.upcast(toStoredEvent(row)));
    const last = events.at(-1);
    return {
      events,
      checkpoint: last
        ? { transactionId: last.transactionId, globalPosition: last.globalPosition }
        : checkpoint,
      heldBack: rows[0].held_back,
    };
  }

  private assertAppendable({ streamId, expectedVersion, events }: AppendRequest): void {
    if (!streamId) throw new Error('append: streamId is empty');
    if (!Number.isSafeInteger(expectedVersion) || expectedVersion < 0) {
      throw new Error(`append: expectedVersion ${expectedVersion} is not a version`);
    }
    if (events.length === 0 || events.length > this.maxEventsPerAppend) {
      throw new Error(
        `append: ${events.length} events; an append takes 1 to ${this.maxEventsPerAppend}`,
      );
    }
  }

  private drain(): void {
    while (this.queue.length > 0 && this.batchesInFlight < this.maxConcurrentBatches) {
      const batch = this.queue.splice(0, this.maxAppendsPerBatch);
      this.batchesInFlight += 1;
      void this.writeBatch(batch).finally(() => {
        this.batchesInFlight -= 1;
        this.drain();
      });
    }
  }

  private async writeBatch(batch: PendingAppend[]): Promise<void> {
    try {
      const outcomes = await inTransaction(this.pool, (client) =>
        this.writeInTransaction(client, batch),
      );
      outcomes.forEach((outcome, index) =>
        outcome instanceof Error ? batch[index].reject(outcome) : batch[index].resolve(outcome),
      );
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(this.explain(error, batch[0]));
        return;
      }
      // A racing writer in another process, or a deadlock between lanes: isolate who is affected.
      for (const append of batch) await this.writeBatch([append]);
    }
  }

  /**
   * Locks the batch's stream heads, then writes its events and heads: into `write` when given (the caller
   * adds its read model and runs it, one statement for all), else in one statement here.
   */
  private async writeInTransaction(
    client: PoolClient,
    batch: AppendRequest[],
    chained = false,
    write?: CombinedWrite,
  ): Promise<(AppendResult | StreamVersionConflictError)[]> {
    const streamIds = [...new Set(batch.map((append) => append.streamId))].sort();
    const { rows } = await client.query<{ stream_id: string; version: number; last_hash: string }>(
      `SELECT stream_id, version, last_hash FROM streams WHERE stream_id = ANY($1) ORDER BY stream_id FOR UPDATE`,
      [streamIds],
    );
    const heads = new Map<string, StreamHead>(
      rows.map((row) => [row.stream_id, { version: row.version, lastHash: row.last_hash }]),
    );
    const occurredAt = new Date().toISOString();
    const written: EventEnvelope[] = [];
    const touched = new Map<string, StreamHead>();
    const conflicted = new Set<string>();
    const outcomes = batch.map((append) => {
      const head = heads.get(append.streamId) ?? { version: 0, lastHash: GENESIS_HASH };
      if (head.version !== append.expectedVersion || (chained && conflicted.has(append.streamId))) {
        conflicted.add(append.streamId);
        return new StreamVersionConflictError(
          append.streamId,
          append.expectedVersion,
          head.version,
        );
      }
      const envelopes = buildEnvelopes(append, head, occurredAt);
      const last = envelopes[envelopes.length - 1];
      const next = { version: last.streamVersion, lastHash: last.hash };
      heads.set(append.streamId, next);
      touched.set(append.streamId, next);
      written.push(...envelopes);
      return { streamId: append.streamId, nextExpectedVersion: next.version, events: envelopes };
    });
    if (written.length > 0) {
      const events = write ?? new CombinedWrite();
      addEvents(events, written);
      addStreamHeads(events, touched);
      if (!write) await events.run(client);
    }
    return outcomes;
  }

  private explain(error: unknown, append: AppendRequest): unknown {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
      return new StreamVersionConflictError(append.streamId, append.expectedVersion, null);
    }
    return error;
  }
}

function buildEnvelopes(
  append: AppendRequest,
  head: StreamHead,
  occurredAt: string,
): EventEnvelope[] {
  let prevHash = head.lastHash;
  return append.events.map((event, index) => {
    const fields = {
      eventId: event.eventId ?? randomUUID(),
      type: event.type,
      schemaVersion: event.schemaVersion,
      streamId: append.streamId,
      streamVersion: head.version + index + 1,
      koperasiId: append.context.koperasiId,
      occurredAt,
      actor: append.context.actor,
      correlationId: append.context.correlationId,
      causationId: append.context.causationId ?? null,
      data: event.data,
    };
    const hash = chainHash(prevHash, fields);
    const envelope = { ...fields, prevHash, hash };
    prevHash = hash;
    return envelope;
  });
}

function addEvents(write: CombinedWrite, events: EventEnvelope[]): void {
  write.add(
    `INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata,
                         occurred_at, prev_hash, hash)
     SELECT stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at, prev_hash, hash
     FROM unnest($1::text[], $2::int[], $3::uuid[], $4::text[], $5::int[], $6::jsonb[], $7::jsonb[],
                 $8::timestamptz[], $9::text[], $10::text[])
          WITH ORDINALITY AS e(stream_id, stream_version, event_id, type, schema_version, data, metadata,
                               occurred_at, prev_hash, hash, ordinal)
     ORDER BY ordinal`,
    [
      events.map((e) => e.streamId),
      events.map((e) => e.streamVersion),
      events.map((e) => e.eventId),
      events.map((e) => e.type),
      events.map((e) => e.schemaVersion),
      events.map((e) => JSON.stringify(e.data)),
      events.map((e) =>
        JSON.stringify({
          koperasiId: e.koperasiId,
          actor: e.actor,
          correlationId: e.correlationId,
          causationId: e.causationId,
        }),
      ),
      events.map((e) => e.occurredAt),
      events.map((e) => e.prevHash),
      events.map((e) => e.hash),
    ],
  );
}

/**
 * Also tells the relay that events are coming: PostgreSQL delivers the notification when (and only if) the
 * transaction commits, so the relay wakes on commit. Same statement, so no extra round trip.
 */
function addStreamHeads(write: CombinedWrite, heads: Map<string, StreamHead>): void {
  const entries = [...heads.entries()];
  write.add(
    `INSERT INTO streams (stream_id, version, last_hash)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[])
     ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, last_hash = excluded.last_hash`,
    [
      entries.map(([id]) => id),
      entries.map(([, head]) => head.version),
      entries.map(([, head]) => head.lastHash),
    ],
  );
  write.notify(EVENTS_APPENDED_CHANNEL);
}
