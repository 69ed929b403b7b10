import {
  startingChartOfAccounts,
  type Account,
  type AccountKind,
  type BalanceSide,
} from './chart-of-accounts.js';

describe('starting chart of accounts', () => {
  it('has unique six-digit codes', () => {
    const codes = startingChartOfAccounts.map((account) => account.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((code) => /^\d{6}$/.test(code))).toBe(true);
  });

  it('puts each account in the SIMKOPDES range of its kind', () => {
    const firstDigit: Record<AccountKind, string> = {
      asset: '1',
      liability: '2',
      equity: '3',
      income: '4',
      expense: '5',
    };
    for (const account of startingChartOfAccounts)
      expect(account.code[0]).toBe(firstDigit[account.kind]);
  });

  it('gives assets and expenses a debit normal balance and the rest a credit one', () => {
    const normal: Record<AccountKind, BalanceSide> = {
      asset: 'debit',
      expense: 'debit',
      liability: 'credit',
      equity: 'credit',
      income: 'credit',
    };
    for (const account of startingChartOfAccounts) {
      expect(`${account.code} ${account.normalBalance}`).toBe(
        `${account.code} ${normal[account.kind]}`,
      );
    }
  });
});

describe('the chart as the statements read it', () => {
  it('tags every income account member or non-member, and only income accounts', () => {
    for (const account of startingChartOfAccounts as readonly Account[]) {
      const tagged = account.participation === 'member' || account.participation === 'non-member';
      expect(`${account.code} ${tagged}`).toBe(`${account.code} ${account.kind === 'income'}`);
    }
  });

  it('has the equity accounts the year end books into: cadangan and SHU belum dibagi', () => {
    const equity = startingChartOfAccounts
      .filter((account) => account.kind === 'equity')
      .map((account) => account.name);
    expect(equity).toEqual(expect.arrayContaining(['Cadangan', 'SHU belum dibagi']));
  });

  it('is in code order, as the ledger lists it', () => {
    const codes = startingChartOfAccounts.map((account) => account.code);
    expect(codes).toEqual([...codes].sort());
  });
});
