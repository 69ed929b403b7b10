import type { PeriodClosed } from './period-closing-events.js';
import type { PeriodClosingState } from './period-closing-state.js';

export function evolvePeriodClosing(
  state: PeriodClosingState,
  event: PeriodClosed,
): PeriodClosingState {
  return { closings: [...state.closings, event.data] };
}
