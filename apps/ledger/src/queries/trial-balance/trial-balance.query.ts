import type { Pool } from 'pg';
import { rupiahFromColumn } from '../../database/rupiah-column.js';
import type { ChartRow } from '../chart-row.js';
import { JOURNAL_SUMS_AS_OF } from '../journal-sums.js';
import { trialBalanceSides } from '../normal-balance.js';
import type { TrialBalanceView } from './trial-balance-view.js';

/**
 * Every account with activity, each on its normal side. Without a cut-off it reads the running balances;
 * with one it sums the journal over the events that occurred by then.
 */
export async function trialBalanceOf(
  pool: Pool,
  koperasiId: string,
  asOf: Date | null,
): Promise<TrialBalanceView> {
  const { rows } = asOf
    ? await pool.query<ChartRow>(
        `SELECT chart.code, chart.name, chart.kind, chart.normal_balance, sums.debit_rp, sums.credit_rp
         FROM (${JOURNAL_SUMS_AS_OF}) sums
         JOIN chart_of_accounts chart ON chart.code = sums.account_code
         ORDER BY chart.code`,
        [koperasiId, asOf],
      )
    : await pool.query<ChartRow>(
        `SELECT chart.code, chart.name, chart.kind, chart.normal_balance,
                balance.debit_total_rp AS debit_rp, balance.credit_total_rp AS credit_rp
         FROM account_balances balance
         JOIN chart_of_accounts chart ON chart.code = balance.account_code
         WHERE balance.koperasi_id = $1
         ORDER BY chart.code`,
        [koperasiId],
      );
  let totalDebit = 0;
  let totalCredit = 0;
  const lines = rows.map((row) => {
    const sides = trialBalanceSides(
      row.normal_balance,
      rupiahFromColumn(row.debit_rp),
      rupiahFromColumn(row.credit_rp),
    );
    totalDebit = exactSum(totalDebit, sides.debit);
    totalCredit = exactSum(totalCredit, sides.credit);
    return { code: row.code, name: row.name, ...sides };
  });
  return { asOf: (asOf ?? new Date()).toISOString(), lines, totalDebit, totalCredit };
}

function exactSum(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum))
    throw new Error('Trial balance total is beyond exact integer range');
  return sum;
}
