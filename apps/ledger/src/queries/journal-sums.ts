/** The WIB day $2 falls on (WIB is UTC+7 all year, as businessDateWib). */
const CUT_OFF_DAY = `((($2::timestamptz AT TIME ZONE 'UTC') + interval '7 hours')::date)`;

/**
 * Debit and credit totals per account of koperasi $1 over the entries whose event occurred at or before $2:
 * the books as they stood then. The WIB days before $2's day come summed from account_day_balances (kept with
 * the journal); only $2's own day is read from the journal, so the cost is a day's entries and a row per
 * account and day, not the whole history. The running balances only know the present.
 */
export const JOURNAL_SUMS_AS_OF = `
  SELECT sums.account_code, sum(sums.debit_rp) AS debit_rp, sum(sums.credit_rp) AS credit_rp
  FROM (
    SELECT closed.account_code, closed.debit_rp, closed.credit_rp
    FROM account_day_balances closed
    WHERE closed.koperasi_id = $1 AND closed.business_date < ${CUT_OFF_DAY}
    UNION ALL
    SELECT line.account_code, line.debit_rp, line.credit_rp
    FROM journal_entries entry
    JOIN journal_lines line ON line.entry_id = entry.id
    WHERE entry.koperasi_id = $1
      AND entry.occurred_at >= (${CUT_OFF_DAY} - interval '7 hours') AT TIME ZONE 'UTC'
      AND entry.occurred_at <= $2
  ) sums
  GROUP BY sums.account_code`;
