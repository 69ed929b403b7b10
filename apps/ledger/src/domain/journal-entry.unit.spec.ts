import type { JournalErrorCode, JournalEntry, JournalLine } from './journal-entry.js';
import { assertBalanced, balanceCheck } from './journal-entry.js';

const entry = (lines: JournalLine[], sourceEventId = 'evt-1'): JournalEntry => ({
  sourceEventId,
  koperasiId: 'kop-1',
  occurredAt: '2025-07-21T09:15:00+07:00',
  description: 'Setoran simpanan sukarela',
  lines,
  trace: {
    service: 'members',
    eventType: 'SimpananSukarelaDeposited',
    streamId: 'member-mem-1',
    streamVersion: 2,
    actor: 'teller-siti',
    correlationId: 'corr-1',
    causationId: null,
  },
});
const debit = (accountCode: string, amountRp: number): JournalLine => ({
  accountCode,
  debitRp: amountRp,
  creditRp: 0,
});
const credit = (accountCode: string, amountRp: number): JournalLine => ({
  accountCode,
  debitRp: 0,
  creditRp: amountRp,
});

describe('balanceCheck', () => {
  it('given debits equal to credits on known accounts, then the entry balances', () => {
    expect(balanceCheck(entry([debit('111000', 50_000), credit('211000', 50_000)]))).toEqual({
      ok: true,
      totalRp: 50_000,
    });
  });

  it('given several lines on each side, then it compares the totals', () => {
    const lines = [debit('310000', 25_000), debit('211000', 10_000), credit('111000', 35_000)];
    expect(balanceCheck(entry(lines))).toEqual({ ok: true, totalRp: 35_000 });
  });

  it.each<[string, JournalEntry, JournalErrorCode]>([
    ['unequal sides', entry([debit('111000', 50_000), credit('211000', 49_999)]), 'UNBALANCED'],
    ['a single line', entry([debit('111000', 0)]), 'TOO_FEW_LINES'],
    ['no lines', entry([]), 'TOO_FEW_LINES'],
    [
      'an account outside the chart',
      entry([debit('119999', 1), credit('211000', 1)]),
      'UNKNOWN_ACCOUNT',
    ],
    [
      'a fractional amount',
      entry([debit('111000', 0.5), credit('211000', 0.5)]),
      'NOT_WHOLE_RUPIAH',
    ],
    ['a negative amount', entry([debit('111000', -5), credit('211000', -5)]), 'NOT_WHOLE_RUPIAH'],
    [
      'a line with both sides',
      entry([{ accountCode: '111000', debitRp: 5, creditRp: 5 }, credit('211000', 0)]),
      'LINE_NOT_ONE_SIDED',
    ],
    [
      'a line with neither side',
      entry([debit('111000', 0), credit('211000', 0)]),
      'LINE_NOT_ONE_SIDED',
    ],
    ['no source event', entry([debit('111000', 1), credit('211000', 1)], ''), 'NO_SOURCE_EVENT'],
    [
      'totals past 2^53',
      entry([
        debit('111000', Number.MAX_SAFE_INTEGER),
        debit('111000', 2),
        credit('211000', Number.MAX_SAFE_INTEGER),
        credit('211000', 2),
      ]),
      'AMOUNT_TOO_LARGE',
    ],
  ])('given %s, then it is refused', (_, invalid, code) => {
    expect(balanceCheck(invalid)).toEqual({
      ok: false,
      error: { code, message: expect.any(String) },
    });
  });

  it('checks accounts against the chart it is given', () => {
    const chart = [
      { code: '111000', name: 'Kas', kind: 'asset', normalBalance: 'debit' },
      { code: '510000', name: 'Biaya', kind: 'expense', normalBalance: 'debit' },
    ] as const;
    expect(balanceCheck(entry([debit('510000', 1), credit('111000', 1)]), chart).ok).toBe(true);
  });
});

describe('assertBalanced', () => {
  it('passes a balanced entry and throws with the reason on any other', () => {
    expect(() => assertBalanced(entry([debit('111000', 1), credit('211000', 1)]))).not.toThrow();
    expect(() => assertBalanced(entry([debit('111000', 2), credit('211000', 1)]))).toThrow(
      /evt-1.*UNBALANCED/,
    );
  });
});
