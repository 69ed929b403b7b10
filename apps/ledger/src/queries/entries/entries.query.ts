import type { Pool } from 'pg';
import { rupiahFromColumn } from '../../database/rupiah-column.js';
import type { JournalEntryView } from './journal-entry-view.js';

interface EntryRow {
  id: string;
  source_event_id: string;
  koperasi_id: string;
  occurred_at: Date;
  posted_at: Date;
  description: string;
  lines: { lineNo: number; accountCode: string; debitRp: number | string; creditRp: number | string; tellerId: string | null; memberId: string | null }[];
}

export interface EntriesFilter {
  sourceEventId?: string;
  limit: number;
}

/** Entries of one koperasi with their lines, newest first; the one an event caused when sourceEventId is given. */
export async function entriesOf(pool: Pool, koperasiId: string, filter: EntriesFilter): Promise<JournalEntryView[]> {
  const { rows } = await pool.query<EntryRow>(
    `SELECT entry.id, entry.source_event_id, entry.koperasi_id, entry.occurred_at, entry.posted_at, entry.description,
            (SELECT json_agg(json_build_object(
                      'lineNo', line.line_no, 'accountCode', line.account_code,
                      'debitRp', line.debit_rp, 'creditRp', line.credit_rp,
                      'tellerId', line.teller_id, 'memberId', line.member_id) ORDER BY line.line_no)
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
    lines: row.lines.map((line) => ({
      ...line,
      debitRp: rupiahFromColumn(line.debitRp),
      creditRp: rupiahFromColumn(line.creditRp),
    })),
  }));
}
