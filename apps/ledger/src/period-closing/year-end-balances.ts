import type { Pool } from 'pg';
import { startingChartOfAccounts } from '../domain/index.js';
import { rupiahFromColumn } from '../database/rupiah-column.js';
import { BOOKED_ENTRIES } from './booked-entries.js';

export interface YearEndBalances {
  year: number;
  /** Income and expense accounts with a balance at the year's end: credit less debit (income positive). */
  accounts: { accountCode: string; netCreditRp: number }[];
}

const CLOSED_CODES = startingChartOfAccounts
  .filter((account) => account.kind === 'income' || account.kind === 'expense')
  .map((account) => account.code);

/**
 * What the year-end closing takes into SHU belum dibagi: each income and expense account as booked up to the
 * end of the year in WIB (BOOKED_ENTRIES; a year never closed before carries into it), so the closing leaves
 * every one of them at zero.
 */
export async function yearEndBalancesOf(
  pool: Pool,
  koperasiId: string,
  year: number,
): Promise<YearEndBalances> {
  const { rows } = await pool.query<{ account_code: string; net_credit_rp: string }>(
    `SELECT line.account_code, sum(line.credit_rp) - sum(line.debit_rp) AS net_credit_rp
     FROM (${BOOKED_ENTRIES}) entry
     JOIN journal_lines line ON line.entry_id = entry.id
     WHERE entry.booked_at < $2 AND line.account_code = ANY ($3::text[])
     GROUP BY line.account_code
     HAVING sum(line.credit_rp) <> sum(line.debit_rp)
     ORDER BY line.account_code`,
    [koperasiId, new Date(`${year + 1}-01-01T00:00:00+07:00`), CLOSED_CODES],
  );
  return {
    year,
    accounts: rows.map((row) => ({
      accountCode: row.account_code,
      netCreditRp: rupiahFromColumn(row.net_credit_rp),
    })),
  };
}
