import type { CashDrawerEvent } from './cash-drawer-events.js';
import type { CashDrawerState } from './cash-drawer-state.js';

export function evolveCashDrawer(state: CashDrawerState, event: CashDrawerEvent): CashDrawerState {
  switch (event.type) {
    case 'CashDrawerOpened':
      return { ...state, status: 'OPEN', openingFloatRp: event.data.openingFloatRp };
    case 'CashDrawerCounted':
      return { ...state, status: 'COUNTED', countedRp: event.data.countedRp };
    case 'CashDrawerClosed':
      return { ...state, status: 'CLOSED', countedRp: event.data.countedRp };
  }
}
