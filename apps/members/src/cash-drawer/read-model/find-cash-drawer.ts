import type { CashDrawerView } from '@koperasi/contracts';
import type { Pool } from 'pg';
import { cashDrawerIdOf } from '../domain/index.js';
import { unopenedCashDrawer } from './cash-drawer-view.js';

/** The teller's drawer of that day; an unopened one when the teller has not opened or counted it. */
export async function findCashDrawer(
  pool: Pool,
  koperasiId: string,
  tellerId: string,
  businessDate: string,
): Promise<CashDrawerView> {
  const { rows } = await pool.query<{ view: CashDrawerView }>(
    `SELECT view FROM cash_drawers WHERE koperasi_id = $1 AND business_date = $2 AND teller_id = $3`,
    [koperasiId, businessDate, tellerId],
  );
  return (
    rows[0]?.view ??
    unopenedCashDrawer(cashDrawerIdOf(koperasiId, tellerId, businessDate), tellerId, businessDate)
  );
}
