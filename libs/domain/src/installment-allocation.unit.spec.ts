import { allocateInstallment, arrearsOwedRp, type LoanDue } from './installment-allocation.js';

/** partner-sim's current KUR loan and its Kupedes loan two months in arrears with a penalty. */
const current: LoanDue = {
  period: '2026-11',
  installmentDueRp: 1_250_000,
  installmentsInArrears: 0,
  penaltyRp: 0,
  maxPaymentRp: 1_250_000,
};
const inArrears: LoanDue = {
  period: '2026-11',
  installmentDueRp: 750_000,
  installmentsInArrears: 2,
  penaltyRp: 45_000,
  maxPaymentRp: 2_295_000,
};

describe('allocateInstallment', () => {
  it("Given a current loan, When the whole installment is paid, Then all of it is this month's installment", () => {
    expect(allocateInstallment(current, 1_250_000)).toEqual({
      arrearsRp: 0,
      arrearsPeriods: [],
      penaltyRp: 0,
      currentRp: 1_250_000,
      currentPeriod: '2026-11',
      aheadRp: 0,
    });
  });

  it('Given two months in arrears and a penalty, When everything owed is paid, Then the arrears months, the denda and the current month are paid', () => {
    expect(allocateInstallment(inArrears, 2_295_000)).toEqual({
      arrearsRp: 1_500_000,
      arrearsPeriods: ['2026-09', '2026-10'],
      penaltyRp: 45_000,
      currentRp: 750_000,
      currentPeriod: '2026-11',
      aheadRp: 0,
    });
  });

  it('Given two months in arrears, When a partial amount is paid, Then it goes to the oldest month first and nothing else', () => {
    expect(allocateInstallment(inArrears, 100_100)).toMatchObject({
      arrearsRp: 100_100,
      arrearsPeriods: ['2026-09'],
      penaltyRp: 0,
      currentRp: 0,
    });
    expect(allocateInstallment(inArrears, 800_000)).toMatchObject({
      arrearsRp: 800_000,
      arrearsPeriods: ['2026-09', '2026-10'],
      penaltyRp: 0,
    });
    expect(allocateInstallment(inArrears, 1_520_000)).toMatchObject({
      arrearsRp: 1_500_000,
      penaltyRp: 20_000,
      currentRp: 0,
    });
  });

  it('Given the oldest month already paid in part at the bank, When the rest is paid, Then that month is finished first', () => {
    // The bank still counts 2 months after Rp100.100 towards them; its maximum holds what is really left.
    const afterPart: LoanDue = { ...inArrears, maxPaymentRp: 2_295_000 - 100_100 };
    expect(arrearsOwedRp(afterPart)).toBe(1_399_900);
    expect(allocateInstallment(afterPart, 649_900)).toMatchObject({
      arrearsRp: 649_900,
      arrearsPeriods: ['2026-09'],
    });
    expect(allocateInstallment(afterPart, 649_901)).toMatchObject({
      arrearsRp: 649_901,
      arrearsPeriods: ['2026-09', '2026-10'],
    });
  });

  it('Given an amount collected here that the bank has not seen, When the next payment is split, Then it starts where that one ended', () => {
    expect(allocateInstallment(inArrears, 795_000, 1_500_000)).toEqual({
      arrearsRp: 0,
      arrearsPeriods: [],
      penaltyRp: 45_000,
      currentRp: 750_000,
      currentPeriod: '2026-11',
      aheadRp: 0,
    });
    expect(allocateInstallment(inArrears, 750_000, 750_000).arrearsPeriods).toEqual(['2026-10']);
  });

  it('Given a loan that takes prepayments, When more than the installment is paid, Then the rest is paid ahead', () => {
    const prepayable: LoanDue = { ...current, maxPaymentRp: 50_000_000 };
    expect(allocateInstallment(prepayable, 2_000_000)).toMatchObject({
      currentRp: 1_250_000,
      aheadRp: 750_000,
    });
  });

  it('Given arrears across a year end, Then the months are named in calendar order', () => {
    const january: LoanDue = {
      ...inArrears,
      period: '2027-01',
      installmentsInArrears: 3,
      maxPaymentRp: 4 * 750_000 + 45_000,
    };
    expect(allocateInstallment(january, 2_250_000).arrearsPeriods).toEqual([
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
  });

  it('Given any amount, Then the parts add up to it', () => {
    for (const amountRp of [1, 749_999, 750_001, 1_545_000, 2_294_999, 2_295_000]) {
      const { arrearsRp, penaltyRp, currentRp, aheadRp } = allocateInstallment(inArrears, amountRp);
      expect(arrearsRp + penaltyRp + currentRp + aheadRp).toBe(amountRp);
    }
  });
});
