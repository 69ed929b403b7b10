import { CombinedWrite } from '@koperasi/database';
import type { ClientBase } from 'pg';
import type { JournalEntry } from '../domain/index.js';
import { ledgerDeltas } from './ledger-deltas.js';

/**
 * Writes a batch of entries with their lines and running sums (per account, per account and WIB day, per
 * member, per teller and day) in a few statements. An entry whose source event is already in the journal is
 * skipped with everything it would add, so a replay that got past the consumer's own dedupe still changes
 * nothing. Returns the entries actually written.
 */
export async function writeJournal(
  tx: ClientBase,
  entries: readonly JournalEntry[],
): Promise<JournalEntry[]> {
  if (entries.length === 0) return [];
  const { rows } = await tx.query<{ id: string; source_event_id: string }>(
    // clock_timestamp, not now(): the transaction may have begun well before the entry was written.
    `INSERT INTO journal_entries (koperasi_id, source_event_id, occurred_at, description, source_service, event_type,
                                  stream_id, stream_version, actor, correlation_id, causation_id, posted_at)
     SELECT *, clock_timestamp()
     FROM unnest($1::text[], $2::uuid[], $3::timestamptz[], $4::text[], $5::text[], $6::text[],
                 $7::text[], $8::bigint[], $9::text[], $10::text[], $11::text[])
     ON CONFLICT (source_event_id) DO NOTHING
     RETURNING id, source_event_id`,
    [
      entries.map((entry) => entry.koperasiId),
      entries.map((entry) => entry.sourceEventId),
      entries.map((entry) => entry.occurredAt),
      entries.map((entry) => entry.description),
      entries.map((entry) => entry.trace.service),
      entries.map((entry) => entry.trace.eventType),
      entries.map((entry) => entry.trace.streamId),
      entries.map((entry) => entry.trace.streamVersion),
      entries.map((entry) => entry.trace.actor),
      entries.map((entry) => entry.trace.correlationId),
      entries.map((entry) => entry.trace.causationId),
    ],
  );
  const insertedIds = new Map(rows.map((row) => [row.source_event_id, row.id]));
  const written: { entryId: string; entry: JournalEntry }[] = [];
  for (const entry of entries) {
    // uuid columns come back lower case; event ids on the wire may not be. Taking the id out of the map
    // keeps a second copy of the same event in one batch from adding its lines twice.
    const key = entry.sourceEventId.toLowerCase();
    const entryId = insertedIds.get(key);
    if (entryId === undefined) continue;
    insertedIds.delete(key);
    written.push({ entryId, entry });
  }
  if (written.length === 0) return [];

  const lines = written.flatMap(({ entryId, entry }) =>
    entry.lines.map((line, index) => ({ entryId, lineNo: index + 1, entry, line })),
  );
  // The lines and the sums that only add to rows (none reads another) go as one statement.
  const additions = new CombinedWrite();
  additions.add(
    `INSERT INTO journal_lines (entry_id, line_no, koperasi_id, account_code, debit_rp, credit_rp, teller_id, member_id,
                                fee_source, product_code)
     SELECT * FROM unnest($1::bigint[], $2::smallint[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::text[], $8::text[],
                          $9::text[], $10::text[])`,
    [
      lines.map((row) => row.entryId),
      lines.map((row) => row.lineNo),
      lines.map((row) => row.entry.koperasiId),
      lines.map((row) => row.line.accountCode),
      lines.map((row) => row.line.debitRp),
      lines.map((row) => row.line.creditRp),
      lines.map((row) => row.line.tellerId ?? null),
      lines.map((row) => row.line.memberId ?? null),
      lines.map((row) => row.line.fee?.source ?? null),
      lines.map((row) => row.line.fee?.productCode ?? null),
    ],
  );

  const writtenEntries = written.map(({ entry }) => entry);
  const deltas = ledgerDeltas(writtenEntries);
  additions.add(
    `INSERT INTO account_balances AS balance (koperasi_id, account_code, debit_total_rp, credit_total_rp)
     SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[])
     ON CONFLICT (koperasi_id, account_code) DO UPDATE SET
       debit_total_rp = balance.debit_total_rp + EXCLUDED.debit_total_rp,
       credit_total_rp = balance.credit_total_rp + EXCLUDED.credit_total_rp`,
    [
      deltas.accounts.map((row) => row.koperasiId),
      deltas.accounts.map((row) => row.accountCode),
      deltas.accounts.map((row) => row.debitRp),
      deltas.accounts.map((row) => row.creditRp),
    ],
  );
  additions.add(
    `INSERT INTO account_day_balances AS day (koperasi_id, business_date, account_code, debit_rp, credit_rp)
     SELECT * FROM unnest($1::text[], $2::date[], $3::text[], $4::bigint[], $5::bigint[])
     ON CONFLICT (koperasi_id, business_date, account_code) DO UPDATE SET
       debit_rp = day.debit_rp + EXCLUDED.debit_rp,
       credit_rp = day.credit_rp + EXCLUDED.credit_rp`,
    [
      deltas.accountDays.map((row) => row.koperasiId),
      deltas.accountDays.map((row) => row.businessDate),
      deltas.accountDays.map((row) => row.accountCode),
      deltas.accountDays.map((row) => row.debitRp),
      deltas.accountDays.map((row) => row.creditRp),
    ],
  );
  if (deltas.cash.length > 0) {
    additions.add(
      `INSERT INTO cash_by_teller AS drawer (koperasi_id, business_date, teller_id, debit_rp, credit_rp)
       SELECT * FROM unnest($1::text[], $2::date[], $3::text[], $4::bigint[], $5::bigint[])
       ON CONFLICT (koperasi_id, business_date, teller_id) DO UPDATE SET
         debit_rp = drawer.debit_rp + EXCLUDED.debit_rp,
         credit_rp = drawer.credit_rp + EXCLUDED.credit_rp`,
      [
        deltas.cash.map((row) => row.koperasiId),
        deltas.cash.map((row) => row.businessDate),
        deltas.cash.map((row) => row.tellerId),
        deltas.cash.map((row) => row.debitRp),
        deltas.cash.map((row) => row.creditRp),
      ],
    );
  }
  await additions.run(tx);
  if (deltas.savings.length > 0) {
    await tx.query(
      // On its own: a data-modifying WITH cannot be one of CombinedWrite's CTEs. Not INSERT ... ON CONFLICT:
      // PostgreSQL checks the proposed row's CHECK constraints before it looks for the conflict, so a
      // withdrawal's negative delta would be refused even though the row it updates has cover.
      `WITH delta AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::bigint[])
           AS d(koperasi_id, member_id, pokok_rp, wajib_rp, sukarela_rp)
       ), updated AS (
         UPDATE member_savings AS savings SET
           pokok_rp = savings.pokok_rp + delta.pokok_rp,
           wajib_rp = savings.wajib_rp + delta.wajib_rp,
           sukarela_rp = savings.sukarela_rp + delta.sukarela_rp
         FROM delta
         WHERE savings.koperasi_id = delta.koperasi_id AND savings.member_id = delta.member_id
         RETURNING savings.koperasi_id, savings.member_id
       )
       INSERT INTO member_savings (koperasi_id, member_id, pokok_rp, wajib_rp, sukarela_rp)
       SELECT delta.* FROM delta
       WHERE NOT EXISTS (
         SELECT 1 FROM updated WHERE updated.koperasi_id = delta.koperasi_id AND updated.member_id = delta.member_id
       )`,
      [
        deltas.savings.map((row) => row.koperasiId),
        deltas.savings.map((row) => row.memberId),
        deltas.savings.map((row) => row.pokokRp),
        deltas.savings.map((row) => row.wajibRp),
        deltas.savings.map((row) => row.sukarelaRp),
      ],
    );
  }
  return writtenEntries;
}
