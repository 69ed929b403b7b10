import { balanceInNormalDirection, trialBalanceSides } from './normal-balance.js';

describe('normal balance presentation', () => {
  it('given a debit-normal account, then its net shows on the debit side', () => {
    expect(balanceInNormalDirection('debit', 70_000, 20_000)).toBe(50_000);
    expect(trialBalanceSides('debit', 70_000, 20_000)).toEqual({ debit: 50_000, credit: 0 });
  });

  it('given a credit-normal account, then its net shows on the credit side', () => {
    expect(balanceInNormalDirection('credit', 20_000, 70_000)).toBe(50_000);
    expect(trialBalanceSides('credit', 20_000, 70_000)).toEqual({ debit: 0, credit: 50_000 });
  });

  it('given an account gone contra, then it shows on the other side so the columns still agree', () => {
    expect(balanceInNormalDirection('debit', 10_000, 30_000)).toBe(-20_000);
    expect(trialBalanceSides('debit', 10_000, 30_000)).toEqual({ debit: 0, credit: 20_000 });
    expect(trialBalanceSides('credit', 30_000, 10_000)).toEqual({ debit: 20_000, credit: 0 });
  });
});
