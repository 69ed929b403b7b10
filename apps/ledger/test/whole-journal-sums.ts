/**
 * The books as of $2 summed over the whole journal of koperasi $1: what JOURNAL_SUMS_AS_OF answered before it
 * read the day sums, kept as the reference the day sums must equal (and the bench's baseline).
 */
export const WHOLE_JOURNAL_SUMS_AS_OF = `
  SELECT line.account_code, sum(line.debit_rp) AS debit_rp, sum(line.credit_rp) AS credit_rp
  FROM journal_entries entry
  JOIN journal_lines line ON line.entry_id = entry.id
  WHERE entry.koperasi_id = $1 AND entry.occurred_at <= $2
  GROUP BY line.account_code`;
