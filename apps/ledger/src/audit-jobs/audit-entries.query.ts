import type { Pool } from 'pg';
import { rupiahFromColumn } from '../database/rupiah-column.js';

export interface AuditEntryLine {
  lineNo: number;
  accountCode: string;
  debitRp: number;
  creditRp: number;
  tellerId: string | null;
  memberId: string | null;
  feeSource: string | null;
  productCode: string | null;
}

/** What the ledger knows of where an entry came from; all null on entries posted before it kept a trace. */
export interface AuditEntryTrace {
  service: string | null;
  eventType: string | null;
  streamId: string | null;
  streamVersion: number | null;
  actor: string | null;
  correlationId: string | null;
  causationId: string | null;
}

export interface AuditEntry {
  id: string;
  koperasiId: string;
  sourceEventId: string;
  occurredAt: string;
  postedAt: string;
  description: string;
  trace: AuditEntryTrace;
  lines: AuditEntryLine[];
}

export interface AuditEntryPage {
  entries: AuditEntry[];
  /** The last entry id; pass as `after`. Null when no more entries match now. */
  nextCursor: string | null;
}

export interface EntryFilter {
  koperasiIds: string[];
  from: Date | null;
  to: Date | null;
  /** Only entries with a line on this account (buku besar); null: every entry. */
  accountCode: string | null;
  /** Only the entry this event posted (an event posts at most one); null: every entry. */
  sourceEventId: string | null;
  /** Entry id to continue after; '0' from the start. */
  after: string;
}

interface EntryRow {
  id: string;
  koperasi_id: string;
  source_event_id: string;
  occurred_at: Date;
  posted_at: Date;
  description: string;
  source_service: string | null;
  event_type: string | null;
  stream_id: string | null;
  stream_version: string | null;
  actor: string | null;
  correlation_id: string | null;
  causation_id: string | null;
  lines: (Omit<AuditEntryLine, 'debitRp' | 'creditRp'> & {
    debitRp: number | string;
    creditRp: number | string;
  })[];
}

const ENTRY_SELECT = `
  SELECT entry.id, entry.koperasi_id, entry.source_event_id, entry.occurred_at, entry.posted_at, entry.description,
         entry.source_service, entry.event_type, entry.stream_id, entry.stream_version, entry.actor,
         entry.correlation_id, entry.causation_id,
         (SELECT json_agg(json_build_object(
                   'lineNo', line.line_no, 'accountCode', line.account_code,
                   'debitRp', line.debit_rp, 'creditRp', line.credit_rp,
                   'tellerId', line.teller_id, 'memberId', line.member_id,
                   'feeSource', line.fee_source, 'productCode', line.product_code) ORDER BY line.line_no)
          FROM journal_lines line WHERE line.entry_id = entry.id) AS lines
  FROM journal_entries entry`;

/**
 * The entries with a line on account $5, each koperasi's read from the lines index (koperasi, account, entry id)
 * in entry id order and cut at the page size, so a page reads about a page of lines. Written out only when
 * asked for: `$5 IS NULL OR ...` would have PostgreSQL read every line of the account for the subquery.
 */
const ENTRY_HAS_ACCOUNT_LINE = `entry.id IN (
         SELECT account_lines.entry_id FROM unnest($2::text[]) AS scope (koperasi_id)
         CROSS JOIN LATERAL (
           SELECT account_line.entry_id FROM journal_lines account_line
           JOIN journal_entries line_entry ON line_entry.id = account_line.entry_id
           WHERE account_line.koperasi_id = scope.koperasi_id AND account_line.account_code = $5 AND account_line.entry_id > $1
             AND ($3::timestamptz IS NULL OR line_entry.occurred_at >= $3)
             AND ($4::timestamptz IS NULL OR line_entry.occurred_at < $4)
           ORDER BY account_line.entry_id LIMIT $6) account_lines)`;

export async function auditEntry(
  pool: Pool,
  entryId: string,
  koperasiIds: string[],
): Promise<AuditEntry | null> {
  const { rows } = await pool.query<EntryRow>(
    `${ENTRY_SELECT} WHERE entry.id = $1 AND entry.koperasi_id = ANY($2::text[])`,
    [entryId, koperasiIds],
  );
  return rows[0] ? entryOf(rows[0]) : null;
}

/**
 * Entries of the koperasi in entry id order. An entry id is taken when the entry is written, so while the
 * ledger is posting, an entry of a slower concurrent batch can still appear below the last id read; a range
 * in the past is exact.
 */
export async function auditEntries(
  pool: Pool,
  filter: EntryFilter,
  limit: number,
): Promise<AuditEntryPage> {
  const { rows } = await pool.query<EntryRow>(
    `${ENTRY_SELECT}
     WHERE entry.id > $1 AND entry.koperasi_id = ANY($2::text[])
       AND ($3::timestamptz IS NULL OR entry.occurred_at >= $3)
       AND ($4::timestamptz IS NULL OR entry.occurred_at < $4)
       AND ${filter.accountCode === null ? '$5::text IS NULL' : ENTRY_HAS_ACCOUNT_LINE}
       AND ($7::uuid IS NULL OR entry.source_event_id = $7)
     ORDER BY entry.id LIMIT $6`,
    [
      filter.after,
      filter.koperasiIds,
      filter.from,
      filter.to,
      filter.accountCode,
      limit,
      filter.sourceEventId,
    ],
  );
  const entries = rows.map(entryOf);
  return { entries, nextCursor: entries.length === limit ? entries[entries.length - 1].id : null };
}

function entryOf(row: EntryRow): AuditEntry {
  return {
    id: row.id,
    koperasiId: row.koperasi_id,
    sourceEventId: row.source_event_id,
    occurredAt: row.occurred_at.toISOString(),
    postedAt: row.posted_at.toISOString(),
    description: row.description,
    trace: {
      service: row.source_service,
      eventType: row.event_type,
      streamId: row.stream_id,
      streamVersion: row.stream_version === null ? null : Number(row.stream_version),
      actor: row.actor,
      correlationId: row.correlation_id,
      causationId: row.causation_id,
    },
    lines: (row.lines ?? []).map((line) => ({
      ...line,
      debitRp: rupiahFromColumn(line.debitRp),
      creditRp: rupiahFromColumn(line.creditRp),
    })),
  };
}
