import { decideCashDrawer } from './decide-cash-drawer.js';
import { evolveCashDrawer } from './evolve-cash-drawer.js';
import { initialCashDrawerState } from './cash-drawer-state.js';

/** The teller's drawer of one business day: one stream per teller and day. */
export const cashDrawerDecider = {
  decide: decideCashDrawer,
  evolve: evolveCashDrawer,
  initialState: () => initialCashDrawerState,
};
