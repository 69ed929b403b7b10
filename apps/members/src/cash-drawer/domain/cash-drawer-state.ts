import type { CashDrawerStatus } from '@koperasi/contracts';

/**
 * A drawer nobody opened is UNOPENED and still takes cash: a teller may work without a float (the existing
 * counters do), and closing such a drawer counts what it took. COUNTED and CLOSED take no more cash that day.
 */
export interface CashDrawerState {
  status: CashDrawerStatus;
  openingFloatRp: number;
  countedRp: number | null;
}

export const initialCashDrawerState: CashDrawerState = {
  status: 'UNOPENED',
  openingFloatRp: 0,
  countedRp: null,
};

/** Whether the drawer still takes counter transactions. */
export function takesCash(status: CashDrawerStatus): boolean {
  return status === 'UNOPENED' || status === 'OPEN';
}
