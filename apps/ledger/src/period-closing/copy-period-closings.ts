import type { EventEnvelope } from '@koperasi/contracts';
import { isYearMonth } from '@koperasi/domain';
import type { ClientBase } from 'pg';
import { dataOf, malformed, readText } from '../domain/read-event-data.js';

/**
 * Members decides tutup buku (PeriodClosed); the ledger keeps a copy of each closing, at the instant members
 * closed it, for BOOKED_ENTRIES: an entry posted after that instant into the closed month counts from the next
 * open one. A closing delivered twice is kept once.
 */
export async function copyPeriodClosings(
  tx: ClientBase,
  closings: readonly EventEnvelope[],
): Promise<void> {
  for (const event of closings) {
    const data = dataOf(event);
    const month = readText(event, data, 'month');
    if (!isYearMonth(month)) malformed(event, `month ${month} is not YYYY-MM`);
    const closedAt = readText(event, data, 'closedAt');
    if (Number.isNaN(Date.parse(closedAt))) malformed(event, `closedAt ${closedAt} is not a time`);
    await tx.query(
      `INSERT INTO period_closings (koperasi_id, month, closed_by, closed_at) VALUES ($1, $2::date, $3, $4)
       ON CONFLICT DO NOTHING`,
      [event.koperasiId, `${month}-01`, readText(event, data, 'closedBy'), closedAt],
    );
  }
}
