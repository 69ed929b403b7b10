import type { NewEvent, YearEndAccount } from '@koperasi/contracts';

/** A month closed for good: the supervisor's bookkeeping dated into it is refused from now on. */
export interface PeriodClosedData {
  /** YYYY-MM */
  month: string;
  closedBy: string;
  closedByName: string;
  closedAt: string;
  /** December only: the year closed, with the balances the ledger closes into SHU belum dibagi. */
  yearEnd?: { year: number; accounts: YearEndAccount[] };
}

export interface PeriodClosed extends NewEvent<PeriodClosedData> {
  type: 'PeriodClosed';
  schemaVersion: 1;
}
