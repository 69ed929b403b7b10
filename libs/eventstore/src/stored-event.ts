import type { EventEnvelope } from '@koperasi/contracts';

/** Where the relay and replays have got to: the commit order of the events table. */
export interface GlobalCheckpoint {
  transactionId: string;
  globalPosition: string;
}

export const START_OF_LOG: GlobalCheckpoint = { transactionId: '0', globalPosition: '0' };

export interface StoredEvent extends EventEnvelope {
  globalPosition: string;
  transactionId: string;
}

export const EVENT_COLUMNS = `global_position, transaction_id::text AS transaction_id, stream_id, stream_version,
  event_id, type, schema_version, data, metadata, occurred_at, prev_hash, hash`;

/**
 * Rows committed after a checkpoint, in commit order. Rows of transactions still open, and of any
 * transaction that could still commit below them, are left for a later read: a plain position checkpoint
 * would skip an event whose transaction commits after a later position was read. $1, $2: the checkpoint.
 */
export const COMMITTED_AFTER_CHECKPOINT = `(transaction_id, global_position) > ($1::xid8, $2::bigint)
  AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
  ORDER BY events.transaction_id, events.global_position`;

export interface EventRow {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: {
    koperasiId: string;
    actor: string;
    correlationId: string;
    causationId: string | null;
  };
  occurred_at: Date;
  prev_hash: string;
  hash: string;
}

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    globalPosition: row.global_position,
    transactionId: row.transaction_id,
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    koperasiId: row.metadata.koperasiId,
    occurredAt: row.occurred_at.toISOString(),
    actor: row.metadata.actor,
    correlationId: row.metadata.correlationId,
    causationId: row.metadata.causationId,
    data: row.data,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
