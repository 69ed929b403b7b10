import type { CashDrawerView } from '@koperasi/contracts';
import type { PoolClient } from 'pg';
import type { CashDrawerEvent } from '../domain/index.js';
import { nextCashDrawerView } from './cash-drawer-view.js';

/** Brings the drawer's row up to date inside the appending transaction; returns the view after the events. */
export async function projectCashDrawerEvents(
  tx: PoolClient,
  koperasiId: string,
  before: CashDrawerView,
  events: readonly CashDrawerEvent[],
  streamVersion: number,
): Promise<CashDrawerView> {
  const view = events.reduce(nextCashDrawerView, before);
  await tx.query(
    `INSERT INTO cash_drawers (koperasi_id, business_date, teller_id, drawer_id, status, view, stream_version)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (koperasi_id, business_date, teller_id) DO UPDATE SET status = EXCLUDED.status, view = EXCLUDED.view,
       stream_version = EXCLUDED.stream_version`,
    [
      koperasiId,
      view.businessDate,
      view.tellerId,
      view.drawerId,
      view.status,
      JSON.stringify(view),
      streamVersion,
    ],
  );
  return view;
}
