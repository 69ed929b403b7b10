import { ConflictException, BadRequestException } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';

export interface PeriodClosingView {
  koperasiId: string;
  /** YYYY-MM */
  month: string;
  closedBy: string;
  closedAt: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** A lock key of its own per koperasi, so two supervisors closing at once are taken one after the other. */
const LOCK_NAMESPACE = 14_0001;

export async function periodClosingsOf(
  db: Pool | PoolClient,
  koperasiId: string,
): Promise<PeriodClosingView[]> {
  const { rows } = await db.query<{ month: string; closed_by: string; closed_at: Date }>(
    `SELECT to_char(month, 'YYYY-MM') AS month, closed_by, closed_at FROM period_closings WHERE koperasi_id = $1 ORDER BY month`,
    [koperasiId],
  );
  return rows.map((row) => ({
    koperasiId,
    month: row.month,
    closedBy: row.closed_by,
    closedAt: row.closed_at.toISOString(),
  }));
}

/**
 * Closes a month (tutup buku) for good. Months close in order, the first one any month up to the current WIB
 * month; closing the month already closed answers with that closing (a retry), any other refusal is a 409.
 */
export async function closePeriod(
  pool: Pool,
  koperasiId: string,
  month: string,
  closedBy: string,
  now = new Date(),
): Promise<PeriodClosingView> {
  if (!MONTH.test(month))
    throw new BadRequestException('month must be a month written YYYY-MM, e.g. 2026-03');
  const currentMonth = new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 7);
  if (month > currentMonth)
    throw new ConflictException(
      `Bulan ${month} belum berjalan; tutup buku hanya untuk bulan ini atau sebelumnya`,
    );
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
      LOCK_NAMESPACE,
      koperasiId,
    ]);
    const existing = await periodClosingsOf(client, koperasiId);
    const same = existing.find((closing) => closing.month === month);
    if (same) {
      await client.query('COMMIT');
      return same;
    }
    const last = existing.at(-1);
    if (last && month < last.month)
      throw new ConflictException(
        `Bulan ${month} sudah termasuk buku yang ditutup sampai ${last.month}`,
      );
    if (last && month !== nextMonth(last.month))
      throw new ConflictException(
        `Tutup buku berurutan: tutup dulu bulan ${nextMonth(last.month)}`,
      );
    const { rows } = await client.query<{ closed_at: Date }>(
      `INSERT INTO period_closings (koperasi_id, month, closed_by) VALUES ($1, $2::date, $3) RETURNING closed_at`,
      [koperasiId, `${month}-01`, closedBy],
    );
    await client.query('COMMIT');
    return { koperasiId, month, closedBy, closedAt: rows[0].closed_at.toISOString() };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}
