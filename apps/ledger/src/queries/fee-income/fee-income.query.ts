import type { Pool } from 'pg';
import { rupiahFromColumn } from '../../database/rupiah-column.js';
import type { FeeSource } from '../../domain/index.js';
import { wibDayRange, type FeeIncomeParams } from './fee-income-query-params.js';
import type { FeeIncomeRow, FeeIncomeView } from './fee-income-view.js';

const SOURCES: readonly FeeSource[] = ['PPOB', 'LOANS'];

/**
 * Fee income of one koperasi over WIB business days, from the fee facts on the journal lines (fee income,
 * less any PPOB loss), PPOB and installment collection side by side. A day is the day the event occurred.
 */
export async function feeIncomeOf(
  pool: Pool,
  koperasiId: string,
  params: FeeIncomeParams,
): Promise<FeeIncomeView> {
  const { start, end } = wibDayRange(params.from, params.to);
  // WIB has no daylight saving: a fixed +7 hours gives the same day as businessDateWib.
  const key =
    params.groupBy === 'product'
      ? 'line.product_code'
      : `to_char((entry.occurred_at AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM-DD')`;
  const { rows } = await pool.query<{
    source: FeeSource;
    key: string;
    amount_rp: string;
    entries: string;
  }>(
    `SELECT line.fee_source AS source, ${key} AS key,
            sum(line.credit_rp - line.debit_rp) AS amount_rp, count(DISTINCT entry.id) AS entries
     FROM journal_entries entry
     JOIN journal_lines line ON line.entry_id = entry.id
     WHERE entry.koperasi_id = $1 AND entry.occurred_at >= $2 AND entry.occurred_at < $3 AND line.fee_source IS NOT NULL
     GROUP BY 1, 2
     ORDER BY 1 DESC, 2`,
    [koperasiId, start, end],
  );
  const grouped: FeeIncomeRow[] = rows.map((row) => ({
    source: row.source,
    [params.groupBy]: row.key,
    amountRp: rupiahFromColumn(row.amount_rp),
    count: Number(row.entries),
  }));
  const totals = SOURCES.map((source) => {
    const ofSource = grouped.filter((row) => row.source === source);
    return {
      source,
      amountRp: sum(ofSource.map((row) => row.amountRp)),
      count: sum(ofSource.map((row) => row.count)),
    };
  });
  return { ...params, rows: grouped, totals, totalRp: sum(totals.map((total) => total.amountRp)) };
}

function sum(amounts: number[]): number {
  const total = amounts.reduce((a, b) => a + b, 0);
  if (!Number.isSafeInteger(total))
    throw new Error('Fee income total is beyond exact integer range');
  return total;
}
