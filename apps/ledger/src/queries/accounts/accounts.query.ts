import type { Pool } from 'pg';
import { rupiahFromColumn } from '../../database/rupiah-column.js';
import type { ChartRow } from '../chart-row.js';
import { balanceInNormalDirection } from '../normal-balance.js';
import type { AccountView } from './account-view.js';

/** The whole chart, with zero for accounts this koperasi has not used yet. */
export async function accountsOf(pool: Pool, koperasiId: string): Promise<AccountView[]> {
  const { rows } = await pool.query<ChartRow>(
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
    balanceRp: balanceInNormalDirection(row.normal_balance, rupiahFromColumn(row.debit_rp), rupiahFromColumn(row.credit_rp)),
  }));
}
