import type { Pool } from 'pg';
import { rupiahFromColumn } from '../../database/rupiah-column.js';
import type { TellerCashView } from './teller-cash-view.js';

/** Each teller's drawer movements on one business day (WIB), by teller id. */
export async function cashByTellerOn(
  pool: Pool,
  koperasiId: string,
  businessDate: string,
): Promise<TellerCashView[]> {
  const { rows } = await pool.query<{ teller_id: string; debit_rp: string; credit_rp: string }>(
    `SELECT teller_id, debit_rp, credit_rp FROM cash_by_teller
     WHERE koperasi_id = $1 AND business_date = $2::date
     ORDER BY teller_id`,
    [koperasiId, businessDate],
  );
  return rows.map((row) => {
    const debitRp = rupiahFromColumn(row.debit_rp);
    const creditRp = rupiahFromColumn(row.credit_rp);
    return { tellerId: row.teller_id, debitRp, creditRp, netRp: debitRp - creditRp };
  });
}
