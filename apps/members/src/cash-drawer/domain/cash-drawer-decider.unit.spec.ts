import type { ExpectedCash } from '@koperasi/contracts';
import type { CashDrawerCommand } from './cash-drawer-commands.js';
import { cashDrawerDecider } from './cash-drawer-decider.js';
import type { CashDrawerEvent } from './cash-drawer-events.js';
import { takesCash } from './cash-drawer-state.js';

const drawer = { drawerId: 'drawer-1', tellerId: 'teller-siti', businessDate: '2026-12-01' };
const now = '2026-12-01T16:05:00+07:00';

const expected: ExpectedCash = {
  lines: [
    { kind: 'opening-float', count: 1, inRp: 500_000, outRp: 0 },
    { kind: 'simpanan', count: 3, inRp: 140_000, outRp: 50_000 },
  ],
  expectedRp: 590_000,
};

const opened: CashDrawerEvent = {
  type: 'CashDrawerOpened',
  schemaVersion: 1,
  data: { ...drawer, openingFloatRp: 500_000, openedAt: now },
};
const counted: CashDrawerEvent = {
  type: 'CashDrawerCounted',
  schemaVersion: 1,
  data: {
    ...drawer,
    countedRp: 585_000,
    denominations: [],
    expected,
    differenceRp: -5_000,
    countedAt: now,
  },
};
const closed: CashDrawerEvent = {
  type: 'CashDrawerClosed',
  schemaVersion: 1,
  data: {
    ...drawer,
    countedRp: 585_000,
    expectedRp: 590_000,
    differenceRp: -5_000,
    approvedBy: 'spv-budi',
    approverName: 'Budi',
    closedAt: now,
  },
};

const open = (openingFloatRp = 500_000): CashDrawerCommand => ({
  type: 'OpenCashDrawer',
  ...drawer,
  openingFloatRp,
  now,
});
const count = (
  countedRp: number,
  denominations: { valueRp: number; count: number }[] = [],
): CashDrawerCommand => ({
  type: 'CountCashDrawer',
  ...drawer,
  countedRp,
  denominations,
  expected,
  now,
});
const approve = (approvedBy = 'spv-budi', expectedRp = 590_000): CashDrawerCommand => ({
  type: 'ApproveCashDrawer',
  ...drawer,
  expectedRp,
  approvedBy,
  approverName: 'Budi',
  now,
});

/** Given these events, when this command: the decision. */
function given(events: CashDrawerEvent[]) {
  const state = events.reduce(cashDrawerDecider.evolve, cashDrawerDecider.initialState());
  return {
    state,
    when: (command: CashDrawerCommand) => cashDrawerDecider.decide(command, state),
  };
}

describe('cash drawer decider', () => {
  it('opens an unopened drawer with the float handed over', () => {
    const decision = given([]).when(open());
    expect(decision).toEqual({ ok: true, events: [opened] });
  });

  it('refuses a second opening, an opening after the closing, and a float of nothing', () => {
    expect(given([opened]).when(open())).toMatchObject({
      ok: false,
      error: { code: 'DRAWER_ALREADY_OPEN' },
    });
    expect(given([opened, counted]).when(open())).toMatchObject({
      ok: false,
      error: { code: 'DRAWER_CLOSED' },
    });
    expect(given([]).when(open(0))).toMatchObject({ ok: false, error: { code: 'INVALID_AMOUNT' } });
    expect(given([]).when(open(1.5))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_AMOUNT' },
    });
  });

  it('counts the drawer with the difference against the expected cash', () => {
    const decision = given([opened]).when(count(585_000));
    expect(decision).toEqual({ ok: true, events: [counted] });
  });

  it('counts a drawer nobody opened (a teller who worked without a float)', () => {
    const decision = given([]).when(count(0));
    expect(decision).toMatchObject({
      ok: true,
      events: [{ type: 'CashDrawerCounted', data: { countedRp: 0, differenceRp: -590_000 } }],
    });
  });

  it('keeps the notes and coins when they add up to the count, without empty lines', () => {
    const decision = given([opened]).when(
      count(585_000, [
        { valueRp: 100_000, count: 5 },
        { valueRp: 50_000, count: 1 },
        { valueRp: 20_000, count: 0 },
        { valueRp: 5_000, count: 7 },
      ]),
    );
    expect(decision).toMatchObject({
      ok: true,
      events: [
        {
          data: {
            denominations: [
              { valueRp: 100_000, count: 5 },
              { valueRp: 50_000, count: 1 },
              { valueRp: 5_000, count: 7 },
            ],
          },
        },
      ],
    });
  });

  it('refuses notes and coins that do not add up, a note that does not exist, or one counted twice', () => {
    const state = given([opened]);
    expect(state.when(count(585_000, [{ valueRp: 100_000, count: 5 }]))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_DENOMINATIONS' },
    });
    expect(state.when(count(75_000, [{ valueRp: 75_000, count: 1 }]))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_DENOMINATIONS' },
    });
    expect(
      state.when(
        count(200_000, [
          { valueRp: 100_000, count: 1 },
          { valueRp: 100_000, count: 1 },
        ]),
      ),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_DENOMINATIONS' } });
    expect(state.when(count(-1))).toMatchObject({ ok: false, error: { code: 'INVALID_AMOUNT' } });
  });

  it('lets the teller recount before the approval', () => {
    const decision = given([opened, counted]).when(count(590_000));
    expect(decision).toMatchObject({
      ok: true,
      events: [{ data: { countedRp: 590_000, differenceRp: 0 } }],
    });
  });

  it("closes a counted drawer on a supervisor's approval, naming the approver, against the ledger's expected cash", () => {
    expect(given([opened, counted]).when(approve())).toEqual({ ok: true, events: [closed] });
    expect(given([opened, counted]).when(approve('spv-budi', 580_000))).toMatchObject({
      ok: true,
      events: [{ data: { countedRp: 585_000, expectedRp: 580_000, differenceRp: 5_000 } }],
    });
  });

  it('refuses an approval before the count, after the closing, or by the teller of the drawer', () => {
    expect(given([opened]).when(approve())).toMatchObject({
      ok: false,
      error: { code: 'DRAWER_NOT_COUNTED' },
    });
    expect(given([]).when(approve())).toMatchObject({
      ok: false,
      error: { code: 'DRAWER_NOT_COUNTED' },
    });
    expect(given([opened, counted, closed]).when(approve())).toMatchObject({
      ok: false,
      error: { code: 'DRAWER_CLOSED' },
    });
    expect(given([opened, counted]).when(approve('teller-siti'))).toMatchObject({
      ok: false,
      error: { code: 'SELF_APPROVAL' },
    });
  });

  it('refuses a count after the closing', () => {
    expect(given([opened, counted, closed]).when(count(1))).toMatchObject({
      ok: false,
      error: { code: 'DRAWER_CLOSED' },
    });
  });

  it('takes cash while unopened or open, and none once counted or closed', () => {
    expect(takesCash(given([]).state.status)).toBe(true);
    expect(takesCash(given([opened]).state.status)).toBe(true);
    expect(takesCash(given([opened, counted]).state.status)).toBe(false);
    expect(takesCash(given([opened, counted, closed]).state.status)).toBe(false);
  });
});
