import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL } from '../database/pg-pool.js';
import { ApiException } from '../http/api-exception.js';

/**
 * Refuses counter cash from a teller whose drawer is closed for the day, for savings, PPOB and installments
 * alike: every one of them enters here, so this one check holds for all. The mark is written before tutup kasir
 * is sent to the members service (which keeps the drawer's events), so no transaction slips in between the
 * count and its approval; it is a primary-key read in the gateway's own database, not a hop to another service.
 * A teller who never opened a drawer is not refused: the float is optional.
 */
@Injectable()
export class CashDrawerGate {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async assertTakesCash(koperasiId: string, tellerId: string, businessDate: string): Promise<void> {
    const { rowCount } = await this.pool.query(
      `SELECT 1 FROM closed_cash_drawers WHERE koperasi_id = $1 AND teller_id = $2 AND business_date = $3`,
      [koperasiId, tellerId, businessDate],
    );
    if (rowCount) {
      throw new ApiException(
        HttpStatus.CONFLICT,
        'CASH_DRAWER_CLOSED',
        'Kasir sudah ditutup hari ini: this teller counted the drawer (tutup kasir) and takes no more cash today',
      );
    }
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
