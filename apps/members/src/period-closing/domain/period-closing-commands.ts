import type { YearEndAccount } from '@koperasi/contracts';

export interface ClosePeriod {
  type: 'ClosePeriod';
  /** YYYY-MM, as the supervisor wrote it. */
  month: string;
  closedBy: string;
  closedByName: string;
  /** Closing December: the year's income and expense balances, which the ledger closes into equity. */
  yearEndAccounts: readonly YearEndAccount[] | null;
  /** WIB, as nowInWib writes it: the month it falls in is the last one that may be closed. */
  now: string;
}
