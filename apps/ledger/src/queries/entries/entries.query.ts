import type { Pool } from 'pg';
import { rupiahFromColumn } from '../../database/rupiah-column.js';
import type { JournalEntryView, JournalLineView } from './journal-entry-view.js';

interface EntryRow {
  id: string;
  source_event_id: string;
  koperasi_id: string;
  occurred_at: Date;
  posted_at: Date;
  description: string;
  source_service: string | null;
  event_type: string;
  stream_id: string;
  stream_version: string;
  actor: string;
  correlation_id: string;
  causation_id: string | null;
  lines: (Omit<JournalLineView, 'debitRp' | 'creditRp'> & {
    debitRp: number | string;
    creditRp: number | string;
  })[];
}

export interface EntriesFilter {
  sourceEventId?: string;
  limit: number;
}

/** Entries of one koperasi with their lines, newest first; the one an event caused when sourceEventId is given. */
export async function entriesOf(
  pool: Pool,
  koperasiId: string,
  filter: EntriesFilter,
): Promise<JournalEntryView[]> {
  const { rows } = await pool.query<EntryRow>(
    `SELECT entry.id, entry.source_event_id, entry.koperasi_id, entry.occurred_at, entry.posted_at, entry.description,
            entry.source_service, entry.event_type, entry.stream_id, entry.stream_version, entry.actor,
            entry.correlation_id, entry.causation_id,
            (SELECT json_agg(json_build_object(
                      'lineNo', line.line_no, 'accountCode', line.account_code,
                      'debitRp', line.debit_rp, 'creditRp', line.credit_rp,
                      'tellerId', line.teller_id, 'memberId', line.member_id,
                      'feeSource', line.fee_source, 'productCode', line.product_code) ORDER BY line.line_no)
             FROM journal_lines line WHERE line.entry_id = entry.id) AS lines
     FROM journal_entries entry
     WHERE entry.koperasi_id = $1 AND ($2::uuid IS NULL OR entry.source_event_id = $2::uuid)
     ORDER BY entry.occurred_at DESC, entry.id DESC
     LIMIT $3`,
    [koperasiId, filter.sourceEventId ?? null, filter.limit],
  );
  return rows.map((row) => ({
    id: row.id,
    sourceEventId: row.source_event_id,
    koperasiId: row.koperasi_id,
    occurredAt: row.occurred_at.toISOString(),
    postedAt: row.posted_at.toISOString(),
    description: row.description,
    trace:
      row.source_service === null
        ? null
        : {
            service: row.source_service,
            eventType: row.event_type,
            streamId: row.stream_id,
            streamVersion: Number(row.stream_version),
            actor: row.actor,
            correlationId: row.correlation_id,
            causationId: row.causation_id,
          },
    lines: row.lines.map((line) => ({
      ...line,
      debitRp: rupiahFromColumn(line.debitRp),
      creditRp: rupiahFromColumn(line.creditRp),
    })),
  }));
}
