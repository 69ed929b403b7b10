import { DepositAccount } from './deposit-account.js';

const at = (wib: string) => Date.parse(`${wib}+07:00`);

describe('DepositAccount statement per WIB date', () => {
  it('Given lines on two WIB dates, When each date is read, Then each opens with the previous closing and a quiet date carries the balance', () => {
    const account = new DepositAccount(100_000);
    account.topUp(50_000, 'TRF-1', at('2026-11-20T23:30:00'));
    account.tryDebit(20_150, 'ref-1', at('2026-11-21T00:30:00'));
    account.refund(20_150, 'ref-1', at('2026-11-21T08:00:00'));
    account.tryDebit(10_250, 'ref-2', at('2026-11-23T08:00:00'));

    expect(account.statement('2026-11-19')).toMatchObject({
      opening_rp: 100_000,
      closing_rp: 100_000,
      lines: [],
    });
    expect(account.statement('2026-11-20')).toMatchObject({
      opening_rp: 100_000,
      closing_rp: 150_000,
    });
    expect(account.statement('2026-11-21')).toMatchObject({
      opening_rp: 150_000,
      closing_rp: 150_000,
    });
    expect(account.statement('2026-11-21').lines.map((line) => line.type)).toEqual([
      'DEBIT',
      'REFUND',
    ]);
    expect(account.statement('2026-11-22')).toMatchObject({
      opening_rp: 150_000,
      closing_rp: 150_000,
      lines: [],
    });
    expect(account.statement('2026-11-23')).toMatchObject({
      opening_rp: 150_000,
      closing_rp: 139_750,
    });
    expect(account.statement('2026-11-30')).toMatchObject({
      opening_rp: 139_750,
      closing_rp: 139_750,
    });
  });

  it('Given a debit above the balance, When tried, Then it is refused and leaves no line', () => {
    const account = new DepositAccount(10_000);
    expect(account.tryDebit(10_001, 'ref-1', at('2026-11-21T10:00:00'))).toBe(false);
    expect(account.balance).toBe(10_000);
    expect(account.statement('2026-11-21').lines).toEqual([]);
  });
});
