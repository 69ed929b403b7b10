import type { Pool } from 'pg';
import { rupiahFromColumn } from '../../database/rupiah-column.js';
import type { ChartRow } from '../chart-row.js';
import { JOURNAL_SUMS_AS_OF } from '../journal-sums.js';
import { balanceInNormalDirection } from '../normal-balance.js';
import type { AccountView } from './account-view.js';

/** The whole chart, with zero for accounts this koperasi has not used (yet, or by the cut-off). */
export async function accountsOf(
  pool: Pool,
  koperasiId: string,
  asOf: Date | null,
): Promise<AccountView[]> {
  const { rows } = asOf
    ? await pool.query<ChartRow>(
        `SELECT chart.code, chart.name, chart.kind, chart.normal_balance, sums.debit_rp, sums.credit_rp
         FROM chart_of_accounts chart
         LEFT JOIN (${JOURNAL_SUMS_AS_OF}) sums ON sums.account_code = chart.code
         ORDER BY chart.code`,
        [koperasiId, asOf],
      )
    : await pool.query<ChartRow>(
        `SELECT chart.code, chart.name, chart.kind, chart.normal_balance,
                balance.debit_total_rp AS debit_rp, balance.credit_total_rp AS credit_rp
         FROM chart_of_accounts chart
         LEFT JOIN account_balances balance ON balance.account_code = chart.code AND balance.koperasi_id = $1
         ORDER BY chart.code`,
        [koperasiId],
      );
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    kind: row.kind,
    balanceRp: balanceInNormalDirection(
      row.normal_balance,
      rupiahFromColumn(row.debit_rp),
      rupiahFromColumn(row.credit_rp),
    ),
  }));
}
