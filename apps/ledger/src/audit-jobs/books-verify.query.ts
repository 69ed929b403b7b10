import type { Pool } from 'pg';
import { rupiahFromColumn } from '../database/rupiah-column.js';

export interface BooksReport {
  ok: boolean;
  entriesChecked: number;
  /** Entries whose lines do not balance, up to MAX_FINDINGS. */
  unbalancedEntries: { entryId: string; koperasiId: string; debitRp: number; creditRp: number }[];
  /** Running balances that differ from the sum of the journal lines, up to MAX_FINDINGS. */
  balanceMismatches: {
    koperasiId: string;
    accountCode: string;
    journalDebitRp: number;
    journalCreditRp: number;
    balanceDebitRp: number;
    balanceCreditRp: number;
  }[];
}

const MAX_FINDINGS = 1000;

/**
 * The books agree with themselves: every entry balances, and every running balance equals the sum of its
 * journal lines. The event history is checked by the stores' verify; this is the ledger's side.
 */
export async function verifyBooks(pool: Pool, koperasiIds: string[]): Promise<BooksReport> {
  const [counted, unbalanced, mismatched] = await Promise.all([
    pool.query<{ entries: string }>(
      `SELECT count(*) AS entries FROM journal_entries WHERE koperasi_id = ANY($1::text[])`,
      [koperasiIds],
    ),
    pool.query<{ id: string; koperasi_id: string; debit_rp: string; credit_rp: string }>(
      `SELECT entry.id, entry.koperasi_id, coalesce(sum(line.debit_rp), 0) AS debit_rp, coalesce(sum(line.credit_rp), 0) AS credit_rp
       FROM journal_entries entry LEFT JOIN journal_lines line ON line.entry_id = entry.id
       WHERE entry.koperasi_id = ANY($1::text[])
       GROUP BY entry.id, entry.koperasi_id
       HAVING coalesce(sum(line.debit_rp), 0) <> coalesce(sum(line.credit_rp), 0) OR count(line.entry_id) < 2
       ORDER BY entry.id LIMIT $2`,
      [koperasiIds, MAX_FINDINGS],
    ),
    pool.query<{
      koperasi_id: string;
      account_code: string;
      journal_debit: string;
      journal_credit: string;
      balance_debit: string;
      balance_credit: string;
    }>(
      `WITH sums AS (
         SELECT koperasi_id, account_code, sum(debit_rp) AS debit_rp, sum(credit_rp) AS credit_rp
         FROM journal_lines WHERE koperasi_id = ANY($1::text[]) GROUP BY koperasi_id, account_code),
       balances AS (SELECT * FROM account_balances WHERE koperasi_id = ANY($1::text[]))
       SELECT koperasi_id, account_code,
              coalesce(sums.debit_rp, 0) AS journal_debit, coalesce(sums.credit_rp, 0) AS journal_credit,
              coalesce(balances.debit_total_rp, 0) AS balance_debit, coalesce(balances.credit_total_rp, 0) AS balance_credit
       FROM sums FULL JOIN balances USING (koperasi_id, account_code)
       WHERE coalesce(sums.debit_rp, 0) <> coalesce(balances.debit_total_rp, 0)
          OR coalesce(sums.credit_rp, 0) <> coalesce(balances.credit_total_rp, 0)
       ORDER BY koperasi_id, account_code LIMIT $2`,
      [koperasiIds, MAX_FINDINGS],
    ),
  ]);
  const unbalancedEntries = unbalanced.rows.map((row) => ({
    entryId: row.id,
    koperasiId: row.koperasi_id,
    debitRp: rupiahFromColumn(row.debit_rp),
    creditRp: rupiahFromColumn(row.credit_rp),
  }));
  const balanceMismatches = mismatched.rows.map((row) => ({
    koperasiId: row.koperasi_id,
    accountCode: row.account_code,
    journalDebitRp: rupiahFromColumn(row.journal_debit),
    journalCreditRp: rupiahFromColumn(row.journal_credit),
    balanceDebitRp: rupiahFromColumn(row.balance_debit),
    balanceCreditRp: rupiahFromColumn(row.balance_credit),
  }));
  return {
    ok: unbalancedEntries.length === 0 && balanceMismatches.length === 0,
    entriesChecked: Number(counted.rows[0].entries),
    unbalancedEntries,
    balanceMismatches,
  };
}
