import type { Pool } from 'pg';
import type { ShuAllocation } from './shu-allocation.js';

export interface ShuAllocationSetting {
  koperasiId: string;
  allocation: ShuAllocation;
  setBy: string;
  setAt: string;
}

/** The koperasi's latest setting; every earlier one stays in the table for the auditors. */
export async function currentShuAllocation(
  pool: Pool,
  koperasiId: string,
): Promise<ShuAllocationSetting | null> {
  const { rows } = await pool.query<{ allocation: ShuAllocation; set_by: string; set_at: Date }>(
    `SELECT allocation, set_by, set_at FROM shu_allocation_changes WHERE koperasi_id = $1 ORDER BY id DESC LIMIT 1`,
    [koperasiId],
  );
  return rows.length === 0
    ? null
    : {
        koperasiId,
        allocation: rows[0].allocation,
        setBy: rows[0].set_by,
        setAt: rows[0].set_at.toISOString(),
      };
}

export async function recordShuAllocation(
  pool: Pool,
  koperasiId: string,
  allocation: ShuAllocation,
  setBy: string,
): Promise<ShuAllocationSetting> {
  const { rows } = await pool.query<{ set_at: Date }>(
    `INSERT INTO shu_allocation_changes (koperasi_id, allocation, set_by) VALUES ($1, $2, $3) RETURNING set_at`,
    [koperasiId, JSON.stringify(allocation), setBy],
  );
  return { koperasiId, allocation, setBy, setAt: rows[0].set_at.toISOString() };
}
