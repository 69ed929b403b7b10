import type { ClientBase } from 'pg';

/**
 * Cuts positions (after, through] into windows of `size`, for reading an events table in position order.
 * A window, not `ORDER BY ... LIMIT`: with no statistics on a freshly filled store, the planner guessed a
 * few thousand rows for an open range, chose a bitmap scan and sorted the whole rest of the table for every
 * page (measured: half a second a page). A bounded window costs the same under any plan. Positions come
 * from a bigserial, so windows hold about `size` rows (fewer where sequence values were skipped).
 */
export function* positionWindows(
  after: bigint,
  through: bigint,
  size: number,
): Generator<[string, string]> {
  const step = BigInt(Math.max(1, size));
  for (let from = after; from < through; from += step) {
    const to = from + step < through ? from + step : through;
    yield [from.toString(), to.toString()];
  }
}

/** The highest position in the events table (as the caller's snapshot sees it), 0 when empty. */
export async function lastPosition(client: ClientBase): Promise<bigint> {
  const { rows } = await client.query<{ last: string | null }>(
    'SELECT max(global_position)::text AS last FROM events',
  );
  return BigInt(rows[0].last ?? '0');
}
