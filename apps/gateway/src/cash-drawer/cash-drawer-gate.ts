import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL } from '../database/pg-pool.js';
import { StatementBatcher } from '@koperasi/service-kit';
import { ApiException } from '../http/api-exception.js';

/** Drawers looked up in one statement at most. */
const MAX_DRAWERS_PER_STATEMENT = 500;

interface Drawer {
  koperasiId: string;
  tellerId: string;
  businessDate: string;
}

/**
 * Refuses counter cash from a teller whose drawer is closed for the day, for savings, PPOB and installments
 * alike: every one of them enters here, so this one check holds for all. The mark is written before tutup kasir
 * is sent to the members service (which keeps the drawer's events), so no transaction slips in between the
 * count and its approval; it is a primary-key read in the gateway's own database, not a hop to another service.
 * A teller who never opened a drawer is not refused: the float is optional. Concurrent transactions' drawers are
 * looked up in one statement (StatementBatcher).
 */
@Injectable()
export class CashDrawerGate {
  private readonly lookups = new StatementBatcher(
    (drawers: Drawer[]) => this.closedAmong(drawers),
    MAX_DRAWERS_PER_STATEMENT,
  );

  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async assertTakesCash(koperasiId: string, tellerId: string, businessDate: string): Promise<void> {
    if (await this.isClosed(koperasiId, tellerId, businessDate)) throw cashDrawerClosedError();
  }

  isClosed(koperasiId: string, tellerId: string, businessDate: string): Promise<boolean> {
    return this.lookups.add({ koperasiId, tellerId, businessDate });
  }

  private async closedAmong(drawers: Drawer[]): Promise<boolean[]> {
    const { rows } = await this.pool.query<{ koperasi_id: string; teller_id: string; day: string }>(
      `SELECT c.koperasi_id, c.teller_id, to_char(c.business_date, 'YYYY-MM-DD') AS day
       FROM closed_cash_drawers c
       JOIN unnest($1::text[], $2::uuid[], $3::date[]) AS asked(koperasi_id, teller_id, business_date)
         USING (koperasi_id, teller_id, business_date)`,
      [
        drawers.map((drawer) => drawer.koperasiId),
        drawers.map((drawer) => drawer.tellerId),
        drawers.map((drawer) => drawer.businessDate),
      ],
    );
    const closed = new Set(rows.map((row) => `${row.koperasi_id} ${row.teller_id} ${row.day}`));
    return drawers.map((drawer) =>
      closed.has(`${drawer.koperasiId} ${drawer.tellerId} ${drawer.businessDate}`),
    );
  }

  async markClosed(koperasiId: string, tellerId: string, businessDate: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO closed_cash_drawers (koperasi_id, teller_id, business_date) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [koperasiId, tellerId, businessDate],
    );
  }

  /** A refused count did not close the drawer. */
  async unmark(koperasiId: string, tellerId: string, businessDate: string): Promise<void> {
    await this.pool.query(
      `DELETE FROM closed_cash_drawers WHERE koperasi_id = $1 AND teller_id = $2 AND business_date = $3`,
      [koperasiId, tellerId, businessDate],
    );
  }
}

export function cashDrawerClosedError(): ApiException {
  return new ApiException(
    HttpStatus.CONFLICT,
    'CASH_DRAWER_CLOSED',
    'Kasir sudah ditutup hari ini: this teller counted the drawer (tutup kasir) and takes no more cash today',
  );
}
