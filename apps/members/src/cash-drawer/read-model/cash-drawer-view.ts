import type { CashDrawerView } from '@koperasi/contracts';
import type { CashDrawerEvent } from '../domain/index.js';

/** The drawer before its first event: unopened, nothing counted. */
export function unopenedCashDrawer(
  drawerId: string,
  tellerId: string,
  businessDate: string,
): CashDrawerView {
  return {
    drawerId,
    tellerId,
    businessDate,
    status: 'UNOPENED',
    openingFloatRp: 0,
    openedAt: null,
    countedRp: null,
    denominations: [],
    expected: null,
    differenceRp: null,
    countedAt: null,
    closedAt: null,
    approvedBy: null,
    approverName: null,
  };
}

export function nextCashDrawerView(view: CashDrawerView, event: CashDrawerEvent): CashDrawerView {
  switch (event.type) {
    case 'CashDrawerOpened':
      return {
        ...view,
        status: 'OPEN',
        openingFloatRp: event.data.openingFloatRp,
        openedAt: event.data.openedAt,
      };
    case 'CashDrawerCounted': {
      const { countedRp, denominations, expected, differenceRp, countedAt } = event.data;
      return {
        ...view,
        status: 'COUNTED',
        countedRp,
        denominations,
        expected,
        differenceRp,
        countedAt,
      };
    }
    case 'CashDrawerClosed': {
      const { countedRp, differenceRp, approvedBy, approverName, closedAt, expectedRp } =
        event.data;
      const expected = view.expected && { ...view.expected, expectedRp };
      return {
        ...view,
        status: 'CLOSED',
        countedRp,
        differenceRp,
        approvedBy,
        approverName,
        closedAt,
        expected,
      };
    }
  }
}
