import { allocateInstallment, arrearsOwedRp, type LoanDue } from '@koperasi/domain';
import type { BankLoan } from '@koperasi/contracts';
import { openLoanAccount, viewOf } from './loan-account.js';
import { TEST_LOANS } from './test-loans.js';

const NOW = Date.parse('2026-11-22T10:00:00+07:00');

describe('loan account as the bank reports it', () => {
  it('Given the loan in arrears, When paid in steps, Then arrears go first, then the penalty, then the current installment', () => {
    const loan = openLoanAccount(TEST_LOANS.inArrears.loanNo)!;
    const steps = [0, 750_000, 1_500_000, 1_545_000, 2_000_000, 2_295_000].map((paidRp) => {
      const view = viewOf({ ...loan, paidRp }, NOW);
      return [
        view.installments_in_arrears,
        view.penalty_rp,
        view.installment_due_rp,
        view.max_payment_rp,
      ];
    });
    expect(steps).toEqual([
      [2, 45_000, 750_000, 2_295_000],
      [1, 45_000, 750_000, 1_545_000],
      [0, 45_000, 750_000, 795_000],
      [0, 0, 750_000, 750_000],
      [0, 0, 295_000, 295_000],
      [0, 0, 0, 0],
    ]);
  });

  it('Given the loan in arrears, When paid in steps, Then what each payment took off agrees with the split the suite prints (allocateInstallment)', () => {
    const loan = openLoanAccount(TEST_LOANS.inArrears.loanNo)!;
    const dueOf = (view: BankLoan): LoanDue => ({
      period: view.period,
      installmentDueRp: view.installment_due_rp,
      installmentsInArrears: view.installments_in_arrears,
      penaltyRp: view.penalty_rp,
      maxPaymentRp: view.max_payment_rp,
    });
    for (const [paidBeforeRp, amountRp] of [
      [0, 100_100],
      [100_100, 800_000],
      [0, 1_520_000],
      [750_000, 1_000_000],
      [1_545_000, 300_000],
      [0, 2_295_000],
    ]) {
      const before = dueOf(viewOf({ ...loan, paidRp: paidBeforeRp }, NOW));
      const after = dueOf(viewOf({ ...loan, paidRp: paidBeforeRp + amountRp }, NOW));
      const { arrearsRp, penaltyRp, currentRp } = allocateInstallment(before, amountRp);
      // While arrears or a penalty remain the bank shows the whole installment due, and only what is left of it after.
      const currentLeftRp = (view: LoanDue) =>
        arrearsOwedRp(view) + view.penaltyRp > 0 ? loan.installmentRp : view.installmentDueRp;
      const tookOff = {
        arrearsRp: arrearsOwedRp(before) - arrearsOwedRp(after),
        penaltyRp: before.penaltyRp - after.penaltyRp,
        currentRp: currentLeftRp(before) - currentLeftRp(after),
      };
      expect({ paidBeforeRp, amountRp, ...tookOff }).toEqual({
        paidBeforeRp,
        amountRp,
        arrearsRp,
        penaltyRp,
        currentRp,
      });
    }
  });

  it('Given numbers, When opened, Then fixed, generated and unknown loans are told apart', () => {
    expect(viewOf(openLoanAccount(TEST_LOANS.closed.loanNo)!, NOW)).toMatchObject({
      status: 'CLOSED',
      max_payment_rp: 0,
      period: '2026-11',
    });
    expect(openLoanAccount('000955555555555')).toEqual(openLoanAccount('000955555555555'));
    expect(openLoanAccount(TEST_LOANS.unknown)).toBeNull();
    expect(openLoanAccount('00095555555555')).toBeNull();
  });
});
