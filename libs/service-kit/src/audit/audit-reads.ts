import type { EventRow } from '@koperasi/eventstore';
import type { Pool } from 'pg';
import { AUDIT_EVENT_COLUMNS, auditEventOf, cursorOf, type AuditEvent } from './audit-event.js';
import type { AuditEventFilter } from './audit-query.js';

export interface AuditStreamPage {
  streamId: string;
  koperasiId: string;
  /** The stream's head version as the store keeps it. */
  version: number;
  events: AuditEvent[];
  /** Where the next page of this stream starts, or null when this page reached the end. */
  nextFromVersion: number | null;
}

export interface AuditEventPage {
  events: AuditEvent[];
  /** Pass as `after` for the next page; null when no more committed events match now. */
  nextCursor: string | null;
}

/** Exactly the expressions EventStoreAuditIndexes indexes, so the planner can use them. */
const KOPERASI_OF_EVENT = `metadata->>'koperasiId'`;
const CORRELATION_OF_EVENT = `metadata->>'correlationId'`;

/**
 * Events of one stream in version order, only when the stream belongs to one of the koperasi; another
 * koperasi's stream is answered as missing, exactly like a stream that does not exist.
 */
export async function readAuditStream(
  pool: Pool,
  streamId: string,
  koperasiIds: string[],
  fromVersion: number,
  limit: number,
): Promise<AuditStreamPage | null> {
  const { rows: heads } = await pool.query<{ version: number; koperasi_id: string }>(
    `SELECT s.version, first.koperasi_id
     FROM streams s
     CROSS JOIN LATERAL (SELECT ${KOPERASI_OF_EVENT} AS koperasi_id FROM events e
                         WHERE e.stream_id = s.stream_id ORDER BY stream_version LIMIT 1) first
     WHERE s.stream_id = $1`,
    [streamId],
  );
  const head = heads[0];
  if (!head || !koperasiIds.includes(head.koperasi_id)) return null;
  const { rows } = await pool.query<EventRow>(
    `SELECT ${AUDIT_EVENT_COLUMNS} FROM events WHERE stream_id = $1 AND stream_version >= $2
     ORDER BY stream_version LIMIT $3`,
    [streamId, fromVersion, limit + 1],
  );
  const events = rows.slice(0, limit).map(auditEventOf);
  return {
    streamId,
    koperasiId: head.koperasi_id,
    version: head.version,
    events,
    nextFromVersion: rows.length > limit ? rows[limit].stream_version : null,
  };
}

/** The filters of an event page besides the koperasi: $1, $2 the cursor, $4 types, $5 from, $6 to, $7 correlation. */
const PAGE_FILTERS = `(transaction_id, global_position) > ($1::xid8, $2::bigint)
       AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       AND ($4::text[] IS NULL OR type = ANY($4::text[]))
       AND ($5::timestamptz IS NULL OR occurred_at >= $5)
       AND ($6::timestamptz IS NULL OR occurred_at < $6)
       AND ($7::text IS NULL OR ${CORRELATION_OF_EVENT} = $7)`;

/**
 * Up to this many koperasi, each one's page is read from its own range of the koperasi index, already in
 * commit order, and the pages merged: a page then reads about a page of rows, however long the history. A
 * larger scope (a city) is most of the store, so the commit order index read with the koperasi as a filter
 * does better; `= ANY` on the koperasi index would read every event of the scope to sort them.
 */
const MAX_KOPERASI_READ_APART = 10;

/**
 * Committed events of the koperasi in commit order ((transaction_id, global_position), the relay's order),
 * so paging with the cursor never skips an event whose transaction committed late.
 */
export async function readAuditEvents(
  pool: Pool,
  filter: AuditEventFilter,
  limit: number,
): Promise<AuditEventPage> {
  const sql =
    filter.koperasiIds.length <= MAX_KOPERASI_READ_APART
      ? `SELECT ${AUDIT_EVENT_COLUMNS} FROM unnest($3::text[]) AS scope (koperasi_id)
         CROSS JOIN LATERAL (SELECT * FROM events WHERE ${KOPERASI_OF_EVENT} = scope.koperasi_id AND ${PAGE_FILTERS}
                             ORDER BY events.transaction_id, events.global_position LIMIT $8) AS events
         ORDER BY events.transaction_id, events.global_position LIMIT $8`
      : `SELECT ${AUDIT_EVENT_COLUMNS} FROM events
         WHERE ${KOPERASI_OF_EVENT} = ANY($3::text[]) AND ${PAGE_FILTERS}
         ORDER BY events.transaction_id, events.global_position LIMIT $8`;
  const { rows } = await pool.query<EventRow>(sql, [
    filter.after.transactionId,
    filter.after.globalPosition,
    filter.koperasiIds,
    filter.types,
    filter.from,
    filter.to,
    filter.correlationId,
    limit,
  ]);
  const events = rows.map(auditEventOf);
  const last = events.at(-1);
  return { events, nextCursor: last && events.length === limit ? cursorOf(last) : null };
}

export async function readAuditEvent(
  pool: Pool,
  eventId: string,
  koperasiIds: string[],
): Promise<AuditEvent | null> {
  const { rows } = await pool.query<EventRow>(
    `SELECT ${AUDIT_EVENT_COLUMNS} FROM events WHERE event_id = $1 AND ${KOPERASI_OF_EVENT} = ANY($2::text[])`,
    [eventId, koperasiIds],
  );
  return rows[0] ? auditEventOf(rows[0]) : null;
}
