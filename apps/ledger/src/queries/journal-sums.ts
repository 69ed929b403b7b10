/**
 * Debit and credit totals per account of koperasi $1, summed from the journal over the entries whose event
 * occurred at or before $2: the books as they stood then. The running balances only know the present.
 */
export const JOURNAL_SUMS_AS_OF = `
  SELECT line.account_code, sum(line.debit_rp) AS debit_rp, sum(line.credit_rp) AS credit_rp
  FROM journal_entries entry
  JOIN journal_lines line ON line.entry_id = entry.id
  WHERE entry.koperasi_id = $1 AND entry.occurred_at <= $2
  GROUP BY line.account_code`;
