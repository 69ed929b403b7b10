import pg from 'pg';

/** The RAT's booking of a year's SHU distribution, as the supervisor who booked it recorded it. */
export interface ShuBooking {
  /** YYYY-MM-DD */
  ratDate: string;
  bookedAt: string;
  approvedByName: string;
}

/**
 * Whether the year's SHU distribution was booked, read from the members event store, where the booking is
 * its one ShuDistributionBooked event: the screen shows it instead of offering to book the year again.
 */
export async function shuBookingOf(options: {
  membersDatabaseUrl: string;
  koperasiId: string;
  year: number;
}): Promise<ShuBooking | null> {
  const client = new pg.Client({ connectionString: options.membersDatabaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ data: Record<string, unknown> }>({
      text: `SELECT data FROM events
             WHERE type = 'ShuDistributionBooked' AND stream_id LIKE 'shu-distribution-%'
               AND metadata->>'koperasiId' = $1 AND data->>'year' = $2
             ORDER BY global_position LIMIT 1`,
      values: [options.koperasiId, String(options.year)],
    });
    if (rows.length === 0) return null;
    const { ratDate, approvedAt, approvedByName } = rows[0].data;
    if (
      typeof ratDate !== 'string' ||
      typeof approvedAt !== 'string' ||
      typeof approvedByName !== 'string'
    )
      throw new Error(`The SHU booking of ${options.year} lacks its RAT date, time or supervisor`);
    return { ratDate, bookedAt: approvedAt, approvedByName };
  } finally {
    await client.end();
  }
}
