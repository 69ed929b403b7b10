import type { SavingsBalances } from '@koperasi/contracts';
import type { Pool } from 'pg';
import { rupiahFromColumn } from '../../database/rupiah-column.js';

/** The member's savings as the books hold them; null when the ledger has never heard of the member. */
export async function memberSavingsOf(pool: Pool, koperasiId: string, memberId: string): Promise<SavingsBalances | null> {
  const { rows } = await pool.query<{ pokok_rp: string; wajib_rp: string; sukarela_rp: string }>(
    `SELECT pokok_rp, wajib_rp, sukarela_rp FROM member_savings WHERE koperasi_id = $1 AND member_id = $2`,
    [koperasiId, memberId],
  );
  if (rows.length === 0) return null;
  const [row] = rows;
  return {
    pokokRp: rupiahFromColumn(row.pokok_rp),
    wajibRp: rupiahFromColumn(row.wajib_rp),
    sukarelaRp: rupiahFromColumn(row.sukarela_rp),
  };
}
