import { decideClosePeriod } from './decide-close-period.js';
import { evolvePeriodClosing } from './evolve-period-closing.js';
import type { ClosePeriod } from './period-closing-commands.js';
import type { PeriodClosed } from './period-closing-events.js';
import { initialPeriodClosingState, type PeriodClosingState } from './period-closing-state.js';

const NOW = '2026-12-02T14:15:00+07:00';

const close = (patch: Partial<ClosePeriod> = {}): ClosePeriod => ({
  type: 'ClosePeriod',
  month: '2026-11',
  closedBy: 'spv-budi',
  closedByName: 'Budi Santoso',
  yearEndAccounts: null,
  now: NOW,
  ...patch,
});

function closed(...months: string[]): PeriodClosingState {
  return months
    .map((month): PeriodClosed => ({
      type: 'PeriodClosed',
      schemaVersion: 1,
      data: { month, closedBy: 'spv-sri', closedByName: 'Sri', closedAt: NOW },
    }))
    .reduce(evolvePeriodClosing, initialPeriodClosingState);
}

describe('tutup buku', () => {
  it('given no month closed, when a supervisor closes last month, then one PeriodClosed names the month, who and when', () => {
    expect(decideClosePeriod(close(), initialPeriodClosingState)).toEqual({
      ok: true,
      events: [
        {
          type: 'PeriodClosed',
          schemaVersion: 1,
          data: {
            month: '2026-11',
            closedBy: 'spv-budi',
            closedByName: 'Budi Santoso',
            closedAt: NOW,
          },
        },
      ],
    });
  });

  it('given no month closed, when the current month is closed, then it closes', () => {
    expect(decideClosePeriod(close({ month: '2026-12' }), initialPeriodClosingState).ok).toBe(true);
  });

  it('given the month already closed, when it is closed again, then nothing new is decided (the retry answers that closing)', () => {
    expect(decideClosePeriod(close(), closed('2026-10', '2026-11'))).toEqual({
      ok: true,
      events: [],
    });
  });

  it('given October closed, when November is closed, then it follows in order', () => {
    const decision = decideClosePeriod(close(), closed('2026-10'));
    expect(decision.ok && decision.events[0].data.month).toBe('2026-11');
  });

  it.each([
    [
      'a month not begun',
      initialPeriodClosingState,
      '2027-01',
      'MONTH_NOT_BEGUN',
      'Bulan 2027-01 belum berjalan',
    ],
    [
      'a month inside the closed books',
      closed('2026-10', '2026-11'),
      '2026-09',
      'MONTH_ALREADY_CLOSED',
      'sudah termasuk buku yang ditutup sampai 2026-11',
    ],
    [
      'a month skipping one',
      closed('2026-09'),
      '2026-11',
      'MONTH_OUT_OF_ORDER',
      'tutup dulu bulan 2026-10',
    ],
    ['a month that is not one', initialPeriodClosingState, '2026-13', 'INVALID_MONTH', 'TTTT-BB'],
  ])(
    'given %s, when it is closed, then it is refused in words',
    (_case, state, month, code, words) => {
      const decision = decideClosePeriod(close({ month }), state);
      expect(decision).toMatchObject({ ok: false, error: { code } });
      expect(!decision.ok && decision.error.message).toContain(words);
    },
  );

  it('given November closed, when December is closed, then the event carries the year and its income and expense balances', () => {
    const accounts = [
      { accountCode: '410000', netCreditRp: 2_500 },
      { accountCode: '530000', netCreditRp: -1_000 },
    ];
    const decision = decideClosePeriod(
      close({ month: '2026-12', yearEndAccounts: accounts }),
      closed('2026-11'),
    );
    expect(decision.ok && decision.events[0].data.yearEnd).toEqual({ year: 2026, accounts });
  });

  it('given any other month, then no year is closed', () => {
    const decision = decideClosePeriod(close(), initialPeriodClosingState);
    expect(decision.ok && 'yearEnd' in decision.events[0].data).toBe(false);
  });
});
