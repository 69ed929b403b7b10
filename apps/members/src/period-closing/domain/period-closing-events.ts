import type { NewEvent } from '@koperasi/contracts';

/** A month closed for good: the supervisor's bookkeeping dated into it is refused from now on. */
export interface PeriodClosedData {
  /** YYYY-MM */
  month: string;
  closedBy: string;
  closedByName: string;
  closedAt: string;
}

export interface PeriodClosed extends NewEvent<PeriodClosedData> {
  type: 'PeriodClosed';
  schemaVersion: 1;
}
