/**
 * The journal of koperasi $1 with the instant each entry counts in the statements (booked_at): the time its
 * event occurred, unless that fell in a month already closed when the ledger posted the entry; then the start
 * of the first month after the last one closed by then (midnight WIB). The entry keeps its own occurred_at,
 * which the buku besar shows as the date it belongs to. Closings go in month order, so the last closed month
 * is the highest. The year-end closing entry (event PeriodClosed) belongs where it is dated, the last instant
 * of the year, though it is posted after December closed. Reads posted_at, a fact of the live journal, so a
 * replay's books are unaffected.
 */
export const BOOKED_ENTRIES = `
  SELECT entry.id, entry.occurred_at, entry.description, entry.source_event_id, entry.event_type,
         CASE WHEN closed.open_from IS NOT NULL AND entry.occurred_at < closed.open_from
              AND entry.event_type <> 'PeriodClosed' THEN closed.open_from ELSE entry.occurred_at END AS booked_at
  FROM journal_entries entry
  LEFT JOIN LATERAL (
    SELECT (max(closing.month) + interval '1 month') AT TIME ZONE 'Asia/Jakarta' AS open_from
    FROM period_closings closing
    WHERE closing.koperasi_id = entry.koperasi_id AND closing.closed_at < entry.posted_at
  ) closed ON true
  WHERE entry.koperasi_id = $1`;
