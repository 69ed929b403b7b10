import type { ClientBase } from 'pg';
import { businessDateWib } from '../../domain/index.js';
import type { Amounts } from './compare-books.js';

/** An account's movement on one WIB day (account_day_balances) that is not the same in the rebuilt and the live books. */
export interface AccountDayDifference {
  koperasiId: string;
  accountCode: string;
  businessDate: string;
  /** null where that side has no row for the day. */
  rebuilt: Amounts | null;
  live: Amounts | null;
}

export interface AccountDaysComparison {
  /** Rows compared (a koperasi's account on a day, on either side), per koperasi. */
  comparedByKoperasi: Record<string, number>;
  /**
   * In an as-of replay, only the days before this WIB day are compared: the as-of day itself is partial in the
   * rebuilt books, and the earlier days are exactly the ones an as-of report reads from account_day_balances.
   * Null when every day is compared.
   */
  beforeDay: string | null;
  differences: AccountDayDifference[];
}

export interface AccountDaysOptions {
  rebuiltSchema: string;
  liveSchema: string;
  asOf: Date | null;
  /** Live entries posted after the replay began (by source event): taken out of the live day sums. */
  late: ReadonlySet<string>;
  maxListed: number;
}

/**
 * Compares the day sums the as-of reports read (account_day_balances) live against rebuilt, per koperasi,
 * account and WIB day. The live rows are kept by the journal writer beside the lines, so a wrong one would
 * make every as-of report wrong while the journal itself agrees with the history.
 */
export async function compareAccountDays(
  client: ClientBase,
  options: AccountDaysOptions,
): Promise<AccountDaysComparison> {
  const { rebuiltSchema: rebuilt, liveSchema: live } = options;
  const beforeDay = options.asOf ? businessDateWib(options.asOf) : null;
  const joined = `
    WITH late AS (
           SELECT e.koperasi_id, ((e.occurred_at AT TIME ZONE 'UTC') + interval '7 hours')::date AS business_date,
                  x.account_code, sum(x.debit_rp) AS debit_rp, sum(x.credit_rp) AS credit_rp
           FROM ${live}.journal_entries e JOIN ${live}.journal_lines x ON x.entry_id = e.id
           WHERE e.source_event_id::text = ANY($2::text[])
           GROUP BY 1, 2, 3),
         l AS (
           SELECT d.koperasi_id, d.business_date, d.account_code,
                  d.debit_rp - coalesce(late.debit_rp, 0) AS debit_rp, d.credit_rp - coalesce(late.credit_rp, 0) AS credit_rp
           FROM ${live}.account_day_balances d LEFT JOIN late USING (koperasi_id, business_date, account_code)
           WHERE ($1::date IS NULL OR d.business_date < $1)
             AND NOT (late.koperasi_id IS NOT NULL AND d.debit_rp = late.debit_rp AND d.credit_rp = late.credit_rp)),
         r AS (SELECT * FROM ${rebuilt}.account_day_balances d WHERE $1::date IS NULL OR d.business_date < $1),
         joined AS (
           SELECT coalesce(r.koperasi_id, l.koperasi_id) AS koperasi_id, coalesce(r.account_code, l.account_code) AS account_code,
                  coalesce(r.business_date, l.business_date) AS business_date, r.debit_rp AS r_debit_rp, r.credit_rp AS r_credit_rp,
                  l.debit_rp AS l_debit_rp, l.credit_rp AS l_credit_rp,
                  r.koperasi_id IS NOT NULL AND l.koperasi_id IS NOT NULL AND r.debit_rp = l.debit_rp AND r.credit_rp = l.credit_rp AS same
           FROM r FULL JOIN l
             ON r.koperasi_id = l.koperasi_id AND r.business_date = l.business_date AND r.account_code = l.account_code)`;
  const parameters = [beforeDay, [...options.late]];
  const counts = await client.query<{ koperasi_id: string; n: string }>(
    `${joined} SELECT koperasi_id, count(*)::text AS n FROM joined GROUP BY 1`,
    parameters,
  );
  const differences = await client.query<{
    koperasi_id: string;
    account_code: string;
    business_date: string;
    r: Amounts | null;
    l: Amounts | null;
  }>(
    `${joined}
     SELECT koperasi_id, account_code, business_date::text,
            CASE WHEN r_debit_rp IS NULL THEN NULL ELSE json_build_object('debitRp', r_debit_rp, 'creditRp', r_credit_rp) END AS r,
            CASE WHEN l_debit_rp IS NULL THEN NULL ELSE json_build_object('debitRp', l_debit_rp, 'creditRp', l_credit_rp) END AS l
     FROM joined WHERE NOT same
     ORDER BY 1, 2, 3 LIMIT ${options.maxListed}`,
    parameters,
  );
  return {
    comparedByKoperasi: Object.fromEntries(
      counts.rows.map((row) => [row.koperasi_id, Number(row.n)]),
    ),
    beforeDay,
    differences: differences.rows.map((row) => ({
      koperasiId: row.koperasi_id,
      accountCode: row.account_code,
      businessDate: row.business_date,
      rebuilt: row.r,
      live: row.l,
    })),
  };
}
