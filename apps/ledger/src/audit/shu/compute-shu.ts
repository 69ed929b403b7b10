import pg from 'pg';
import type { ProgressListener } from '../progress.js';
import { lastPosition, positionWindows } from '../sources/position-windows.js';
import { financialYearWib, ShuBasisFold, type MemberShuBasis } from './shu-basis.js';
import { calculateShu, type ShuCalculation, type ShuInput } from './shu-calculation.js';

export interface ComputeShuOptions extends ShuInput {
  /** The members service's event store: SHU comes from the history, never from live tables. */
  membersDatabaseUrl: string;
  pageSize?: number;
}

export interface ShuResult extends ShuCalculation {
  eventsRead: number;
}

const PAGE_SIZE = 20_000;

/**
 * Shares the SHU by the koperasi's members history up to the end of the financial year (readShuBases).
 */
export async function computeShu(
  options: ComputeShuOptions,
  onProgress?: ProgressListener,
): Promise<ShuResult> {
  const { membersDatabaseUrl, pageSize = PAGE_SIZE, ...input } = options;
  // Checked before reading anything: a mistyped percentage should not cost a scan of the store.
  calculateShu(input, []);
  const { bases, eventsRead } = await readShuBases(
    { membersDatabaseUrl, koperasiId: input.koperasiId, year: input.year, pageSize },
    onProgress,
  );
  return { ...calculateShu(input, bases), eventsRead };
}

/**
 * Reads the koperasi's members events up to the end of the financial year from the members event store,
 * in position order (a member's events in version order), into each member's basis for the year.
 */
export async function readShuBases(
  options: { membersDatabaseUrl: string; koperasiId: string; year: number; pageSize?: number },
  onProgress?: ProgressListener,
): Promise<{ bases: MemberShuBasis[]; eventsRead: number }> {
  const { membersDatabaseUrl, koperasiId, pageSize = PAGE_SIZE } = options;
  const year = financialYearWib(options.year);
  const fold = new ShuBasisFold(year);
  const client = new pg.Client({ connectionString: membersDatabaseUrl });
  await client.connect();
  let eventsRead = 0;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (const [after, through] of positionWindows(0n, await lastPosition(client), pageSize)) {
      const { rows } = await client.query<[string, unknown, Date]>({
        text: `SELECT type, data, occurred_at FROM events e
               WHERE e.global_position > $1 AND e.global_position <= $4 AND e.stream_id LIKE 'member-%'
                 AND e.metadata->>'koperasiId' = $2 AND e.occurred_at < $3
               ORDER BY e.global_position`,
        values: [after, koperasiId, new Date(year.endMs), through],
        rowMode: 'array',
      });
      for (const [type, data, occurredAt] of rows)
        fold.add({ type, data, occurredAt: occurredAt.toISOString() });
      eventsRead += rows.length;
      onProgress?.({ phase: 'read members events', done: eventsRead, total: null, unit: 'events' });
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
  return { bases: fold.bases(), eventsRead };
}
