import type { SavingsBalances } from '@koperasi/contracts';

export interface SavingsStatementLine {
  entryId: string;
  sourceEventId: string;
  occurredAt: string;
  description: string;
  /** What the entry changed in each kind of savings: positive paid in, negative paid out. */
  changes: SavingsBalances;
  /** The member's savings right after the entry. */
  balances: SavingsBalances;
}

export interface SavingsStatementView {
  memberId: string;
  /** The cut-off asked for, or the time of the query. */
  asOf: string;
  /** The savings at the cut-off. */
  balances: SavingsBalances;
  /** The latest entries up to the cut-off, oldest first; `truncated` when earlier ones were left out. */
  lines: SavingsStatementLine[];
  truncated: boolean;
}
