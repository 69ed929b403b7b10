import type { Pool } from 'pg';
import { rupiahFromColumn } from '../database/rupiah-column.js';
import { startingChartOfAccounts } from '../domain/index.js';
import { BOOKED_ENTRIES } from '../period-closing/booked-entries.js';
import {
  buildFinancialStatements,
  isCashAccount,
  type AccountSums,
} from './build-financial-statements.js';
import { periodInstants } from './statement-period.js';
import type { FinancialStatementsView, StatementPeriod } from './statement-views.js';

interface SumsRow {
  account_code: string;
  before_debit_rp: string | null;
  before_credit_rp: string | null;
  during_debit_rp: string | null;
  during_credit_rp: string | null;
  closed_debit_rp: string | null;
  closed_credit_rp: string | null;
}

/**
 * The statements of one koperasi over a period, from two sums over its journal up to the end of the period; an
 * entry counts where it is booked (BOOKED_ENTRIES): an entry late for a closed month, in the next open one.
 */
export async function financialStatementsOf(
  pool: Pool,
  koperasiId: string,
  period: StatementPeriod,
): Promise<FinancialStatementsView> {
  const { start, end } = periodInstants(period);
  const cashCodes = startingChartOfAccounts.map((account) => account.code).filter(isCashAccount);
  const client = await pool.connect();
  try {
    // One snapshot for both sums, so an entry posted in between cannot make the cash flows disagree with the balances.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const sums = await client.query<SumsRow>(
      `SELECT line.account_code,
              sum(line.debit_rp) FILTER (WHERE entry.booked_at < $2) AS before_debit_rp,
              sum(line.credit_rp) FILTER (WHERE entry.booked_at < $2) AS before_credit_rp,
              sum(line.debit_rp) FILTER (WHERE entry.booked_at >= $2) AS during_debit_rp,
              sum(line.credit_rp) FILTER (WHERE entry.booked_at >= $2) AS during_credit_rp,
              sum(line.debit_rp) FILTER (WHERE entry.booked_at >= $2 AND entry.event_type = 'PeriodClosed') AS closed_debit_rp,
              sum(line.credit_rp) FILTER (WHERE entry.booked_at >= $2 AND entry.event_type = 'PeriodClosed') AS closed_credit_rp
       FROM (${BOOKED_ENTRIES}) entry
       JOIN journal_lines line ON line.entry_id = entry.id
       WHERE entry.booked_at < $3
       GROUP BY line.account_code`,
      [koperasiId, start, end],
    );
    const counterparts = await client.query<{
      account_code: string;
      debit_rp: string;
      credit_rp: string;
    }>(
      `SELECT line.account_code, sum(line.debit_rp) AS debit_rp, sum(line.credit_rp) AS credit_rp
       FROM (${BOOKED_ENTRIES}) entry
       JOIN journal_lines line ON line.entry_id = entry.id
       WHERE entry.booked_at >= $2 AND entry.booked_at < $3
         AND NOT (line.account_code = ANY ($4::text[]))
         AND EXISTS (SELECT 1 FROM journal_lines cash WHERE cash.entry_id = entry.id AND cash.account_code = ANY ($4::text[]))
       GROUP BY line.account_code`,
      [koperasiId, start, end, cashCodes],
    );
    await client.query('COMMIT');
    const side = (rows: SumsRow[], when: 'before' | 'during' | 'closed'): AccountSums[] =>
      rows
        .filter((row) => row[`${when}_debit_rp`] !== null)
        .map((row) => ({
          accountCode: row.account_code,
          debitRp: rupiahFromColumn(row[`${when}_debit_rp`]),
          creditRp: rupiahFromColumn(row[`${when}_credit_rp`]),
        }));
    return buildFinancialStatements(koperasiId, period, startingChartOfAccounts, {
      before: side(sums.rows, 'before'),
      during: side(sums.rows, 'during'),
      yearEndClosings: side(sums.rows, 'closed'),
      cashCounterparts: counterparts.rows.map((row) => ({
        accountCode: row.account_code,
        debitRp: rupiahFromColumn(row.debit_rp),
        creditRp: rupiahFromColumn(row.credit_rp),
      })),
    });
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
