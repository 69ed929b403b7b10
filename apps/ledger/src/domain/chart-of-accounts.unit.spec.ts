import { startingChartOfAccounts, type AccountKind, type BalanceSide } from './chart-of-accounts.js';

describe('starting chart of accounts', () => {
  it('has unique six-digit codes', () => {
    const codes = startingChartOfAccounts.map((account) => account.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((code) => /^\d{6}$/.test(code))).toBe(true);
  });

  it('puts each account in the SIMKOPDES range of its kind', () => {
    const firstDigit: Record<AccountKind, string> = { asset: '1', liability: '2', equity: '3', income: '4', expense: '5' };
    for (const account of startingChartOfAccounts) expect(account.code[0]).toBe(firstDigit[account.kind]);
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
      expect(`${account.code} ${account.normalBalance}`).toBe(`${account.code} ${normal[account.kind]}`);
    }
  });
});
