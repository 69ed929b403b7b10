import type { Pool } from 'pg';
import { rupiahFromColumn } from '../../database/rupiah-column.js';

export interface AccruedBankFeesView {
  /** YYYY-MM, the WIB month the installments were collected in. */
  period: string;
  /** What the bank came to owe for that month: fee receivable booked by the loans service, less its reversals. */
  accruedRp: number;
}

/** Most months a report asks for: ten years. */
const MAX_MONTHS = 120;

/**
 * Collection fees the bank owes (114100) by the month they were earned. Settlements are left out here: they
 * name the month they pay, which is not the month they are recorded in, and the members service keeps them.
 */
export async function accruedBankFees(
  pool: Pool,
  koperasiId: string,
): Promise<AccruedBankFeesView[]> {
  const { rows } = await pool.query<{ period: string; accrued_rp: string }>(
    `SELECT to_char(e.occurred_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM') AS period, sum(l.debit_rp - l.credit_rp) AS accrued_rp
     FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
     WHERE l.koperasi_id = $1 AND l.account_code = '114100' AND e.source_service = 'loans'
     GROUP BY 1 ORDER BY 1 DESC LIMIT $2`,
    [koperasiId, MAX_MONTHS],
  );
  return rows
    .map((row) => ({ period: row.period, accruedRp: rupiahFromColumn(row.accrued_rp) }))
    .reverse();
}
