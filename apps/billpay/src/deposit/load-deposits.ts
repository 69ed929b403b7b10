import type { LoadedState } from '@koperasi/service-kit';
import type { Pool } from 'pg';
import { depositStreamId, emptyDeposit, type DepositState } from '../domain/index.js';

/**
 * The koperasis' deposits by their stream id, from their rows (one query): every event that moves a
 * deposit updates its row in the event's transaction. The version is the deposit stream's own (top-ups).
 */
export async function loadDeposits(
  pool: Pool,
  koperasiIds: string[],
): Promise<Map<string, LoadedState<DepositState>>> {
  const { rows } = await pool.query<{
    koperasi_id: string;
    balance_rp: string;
    reserved_rp: string;
    stream_version: number;
  }>(
    `SELECT koperasi_id, balance_rp, reserved_rp, stream_version FROM deposits
     WHERE koperasi_id = ANY($1::uuid[])`,
    [koperasiIds],
  );
  const loaded = new Map<string, LoadedState<DepositState>>(
    koperasiIds.map((id) => [depositStreamId(id), { state: emptyDeposit, version: 0 }]),
  );
  for (const row of rows)
    loaded.set(depositStreamId(row.koperasi_id), {
      state: { balanceRp: Number(row.balance_rp), reservedRp: Number(row.reserved_rp) },
      version: row.stream_version,
    });
  return loaded;
}
