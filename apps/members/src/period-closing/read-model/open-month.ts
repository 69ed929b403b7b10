import type { CommandReply } from '@koperasi/contracts';
import { refused } from '@koperasi/service-kit';
import type { Pool, PoolClient } from 'pg';

/**
 * A lock of its own per koperasi: a closing takes it exclusive, the supervisor's bookkeeping shared, each in
 * its writing transaction, so no bookkeeping commits into a month between its check and the closing.
 */
const CLOSINGS_LOCK = 14_0001;

/** Taken by a closing: waits for bookkeeping in flight, and holds new bookkeeping until it commits. */
export async function lockClosings(tx: PoolClient, koperasiId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [CLOSINGS_LOCK, koperasiId]);
}

/**
 * Refuses bookkeeping dated `at` (WIB) once its month is closed: 409 MONTH_CLOSED naming `what`. Takes the
 * lock shared first, so a closing that started is waited for and seen.
 */
export async function refusalInClosedMonth(
  tx: PoolClient,
  koperasiId: string,
  at: string,
  what: string,
): Promise<CommandReply<never> | null> {
  await tx.query('SELECT pg_advisory_xact_lock_shared($1, hashtext($2))', [
    CLOSINGS_LOCK,
    koperasiId,
  ]);
  return closedMonthRefusal(tx, koperasiId, at, what);
}

/**
 * The same refusal without the lock: a month once closed stays closed, so a command can be refused before it
 * is decided; only refusalInClosedMonth, in the writing transaction, keeps one from committing into it.
 */
export async function closedMonthRefusal(
  db: Pool | PoolClient,
  koperasiId: string,
  at: string,
  what: string,
): Promise<CommandReply<never> | null> {
  const month = at.slice(0, 7);
  const { rowCount } = await db.query(
    `SELECT 1 FROM period_closings WHERE koperasi_id = $1 AND month >= $2 LIMIT 1`,
    [koperasiId, month],
  );
  if (!rowCount) return null;
  return refused(
    409,
    'MONTH_CLOSED',
    `Buku bulan ${month} sudah ditutup (tutup buku): ${what} tidak dapat dicatat ke bulan yang sudah ditutup. Catat pada bulan berikutnya.`,
  );
}
