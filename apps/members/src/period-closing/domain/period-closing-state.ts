import type { PeriodClosedData } from './period-closing-events.js';

/** A koperasi's closings, oldest first; months close in order, so the last is the highest. */
export interface PeriodClosingState {
  closings: readonly PeriodClosedData[];
}

export const initialPeriodClosingState: PeriodClosingState = { closings: [] };
