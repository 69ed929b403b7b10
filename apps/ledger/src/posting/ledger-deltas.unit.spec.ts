import type { JournalEntry } from '../domain/index.js';
import { ledgerDeltas } from './ledger-deltas.js';

const entry = (
  sourceEventId: string,
  occurredAt: string,
  lines: JournalEntry['lines'],
): JournalEntry => ({
  sourceEventId,
  koperasiId: 'kop-1',
  occurredAt,
  description: 'test',
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

describe('ledgerDeltas', () => {
  it('given several entries on the same accounts, then each account, member and drawer gets one summed row', () => {
    const deltas = ledgerDeltas([
      entry('e1', '2025-07-21T09:00:00+07:00', [
        { accountCode: '111000', debitRp: 25_000, creditRp: 0, tellerId: 'teller-a' },
        { accountCode: '310000', debitRp: 0, creditRp: 25_000, memberId: 'mem-1' },
      ]),
      entry('e2', '2025-07-21T10:00:00+07:00', [
        { accountCode: '111000', debitRp: 50_000, creditRp: 0, tellerId: 'teller-a' },
        { accountCode: '211000', debitRp: 0, creditRp: 50_000, memberId: 'mem-1' },
      ]),
      entry('e3', '2025-07-21T11:00:00+07:00', [
        { accountCode: '211000', debitRp: 20_000, creditRp: 0, memberId: 'mem-1' },
        { accountCode: '111000', debitRp: 0, creditRp: 20_000, tellerId: 'teller-b' },
      ]),
    ]);
    expect(deltas.accounts).toEqual([
      { koperasiId: 'kop-1', accountCode: '111000', debitRp: 75_000, creditRp: 20_000 },
      { koperasiId: 'kop-1', accountCode: '211000', debitRp: 20_000, creditRp: 50_000 },
      { koperasiId: 'kop-1', accountCode: '310000', debitRp: 0, creditRp: 25_000 },
    ]);
    expect(deltas.savings).toEqual([
      { koperasiId: 'kop-1', memberId: 'mem-1', pokokRp: 25_000, wajibRp: 0, sukarelaRp: 30_000 },
    ]);
    expect(deltas.cash).toEqual([
      {
        koperasiId: 'kop-1',
        tellerId: 'teller-a',
        businessDate: '2025-07-21',
        debitRp: 75_000,
        creditRp: 0,
      },
      {
        koperasiId: 'kop-1',
        tellerId: 'teller-b',
        businessDate: '2025-07-21',
        debitRp: 0,
        creditRp: 20_000,
      },
    ]);
  });

  it('given a payment just after midnight WIB, then the drawer is counted on the WIB day, not the UTC one', () => {
    const deltas = ledgerDeltas([
      entry('e1', '2025-07-21T17:30:00Z', [
        { accountCode: '111000', debitRp: 1_000, creditRp: 0, tellerId: 'teller-a' },
        { accountCode: '211000', debitRp: 0, creditRp: 1_000, memberId: 'mem-1' },
      ]),
    ]);
    expect(deltas.cash[0].businessDate).toBe('2025-07-22');
  });

  it('given entries either side of midnight WIB, then each account is summed per WIB day', () => {
    const deltas = ledgerDeltas([
      entry('e1', '2025-07-21T16:59:59.999Z', [
        { accountCode: '111000', debitRp: 1_000, creditRp: 0, tellerId: 'teller-a' },
        { accountCode: '211000', debitRp: 0, creditRp: 1_000, memberId: 'mem-1' },
      ]),
      entry('e2', '2025-07-21T17:00:00Z', [
        { accountCode: '111000', debitRp: 2_000, creditRp: 0, tellerId: 'teller-a' },
        { accountCode: '211000', debitRp: 0, creditRp: 2_000, memberId: 'mem-1' },
      ]),
      entry('e3', '2025-07-22T09:00:00+07:00', [
        { accountCode: '211000', debitRp: 500, creditRp: 0, memberId: 'mem-1' },
        { accountCode: '111000', debitRp: 0, creditRp: 500, tellerId: 'teller-a' },
      ]),
    ]);
    const day = (businessDate: string, accountCode: string, debitRp: number, creditRp: number) => ({
      koperasiId: 'kop-1',
      businessDate,
      accountCode,
      debitRp,
      creditRp,
    });
    expect(deltas.accountDays).toEqual([
      day('2025-07-21', '111000', 1_000, 0),
      day('2025-07-21', '211000', 0, 1_000),
      day('2025-07-22', '111000', 2_000, 500),
      day('2025-07-22', '211000', 500, 2_000),
    ]);
  });

  it('given sums beyond exact integers, then it refuses instead of rounding', () => {
    const huge = Number.MAX_SAFE_INTEGER;
    const line = (accountCode: string, debitRp: number, creditRp: number) => ({
      accountCode,
      debitRp,
      creditRp,
    });
    expect(() =>
      ledgerDeltas([
        entry('e1', '2025-07-21T09:00:00+07:00', [
          line('112100', huge, 0),
          line('410000', 0, huge),
        ]),
        entry('e2', '2025-07-21T09:00:00+07:00', [
          line('112100', huge, 0),
          line('410000', 0, huge),
        ]),
      ]),
    ).toThrow(/beyond exact integer range/);
  });
});
