import type { FeeSource } from '../../domain/index.js';

export type FeeIncomeGrouping = 'product' | 'day';

export interface FeeIncomeRow {
  source: FeeSource;
  /** The PPOB product code or the loan product, when grouped by product. */
  product?: string;
  /** The business day in WIB, YYYY-MM-DD, when grouped by day. */
  day?: string;
  /** Fee income less any PPOB loss, rupiah. */
  amountRp: number;
  /** Journal entries that earned (or lost) a fee. */
  count: number;
}

export interface FeeIncomeView {
  from: string;
  to: string;
  groupBy: FeeIncomeGrouping;
  rows: FeeIncomeRow[];
  /** One per source, PPOB and LOANS, zero where nothing was earned. */
  totals: { source: FeeSource; amountRp: number; count: number }[];
  totalRp: number;
}
