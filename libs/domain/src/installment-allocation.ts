import type { InstallmentAllocation, LoanAccountView } from '@koperasi/contracts';
import { addYearMonths } from './year-month.js';

/** What the bank says is owed on a loan now: the figures an allocation needs. */
export type LoanDue = Pick<
  LoanAccountView,
  'period' | 'installmentDueRp' | 'installmentsInArrears' | 'penaltyRp' | 'maxPaymentRp'
>;

/**
 * The arrears in rupiah as the bank's view implies them: whole installments, less what was already paid towards
 * the oldest (the bank counts a month paid in part as still in arrears, and its maximum holds what is really left).
 */
export function arrearsOwedRp(loan: LoanDue): number {
  if (loan.installmentsInArrears <= 0 || loan.installmentDueRp <= 0) return 0;
  return Math.min(
    loan.installmentsInArrears * loan.installmentDueRp,
    Math.max(0, loan.maxPaymentRp - loan.penaltyRp - loan.installmentDueRp),
  );
}

/**
 * How the bank applies a payment: the installments in arrears first (oldest month first), then the penalty,
 * then the current installment, then ahead on the outstanding balance. `paidBeforeRp` is what was already
 * collected against this same view (taken here, not yet in the bank's figures), so it is applied first and
 * this payment gets what comes after it.
 */
export function allocateInstallment(
  loan: LoanDue,
  amountRp: number,
  paidBeforeRp = 0,
): InstallmentAllocation {
  const fromRp = paidBeforeRp;
  const toRp = paidBeforeRp + amountRp;
  const part = (startRp: number, endRp: number) =>
    Math.max(0, Math.min(toRp, endRp) - Math.max(fromRp, startRp));
  const penaltyStartRp = arrearsOwedRp(loan);
  const currentStartRp = penaltyStartRp + loan.penaltyRp;
  const aheadStartRp = currentStartRp + loan.installmentDueRp;
  return {
    arrearsRp: part(0, penaltyStartRp),
    arrearsPeriods: arrearsPeriodsPaid(loan, fromRp, Math.min(toRp, penaltyStartRp)),
    penaltyRp: part(penaltyStartRp, currentStartRp),
    currentRp: part(currentStartRp, aheadStartRp),
    currentPeriod: loan.period,
    aheadRp: part(aheadStartRp, Number.POSITIVE_INFINITY),
  };
}

/**
 * The months in arrears that the rupiah from `fromRp` to `toRp` (counted from the start of the arrears) pay:
 * every month before the current one is a whole installment except the oldest, which holds what is left of it.
 */
function arrearsPeriodsPaid(loan: LoanDue, fromRp: number, toRp: number): string[] {
  if (toRp <= fromRp) return [];
  const owedRp = arrearsOwedRp(loan);
  const dueRp = loan.installmentDueRp;
  const months = Math.ceil(owedRp / dueRp);
  const oldestRp = owedRp - (months - 1) * dueRp;
  const monthAt = (offsetRp: number) =>
    offsetRp < oldestRp ? 0 : 1 + Math.floor((offsetRp - oldestRp) / dueRp);
  const oldest = addYearMonths(loan.period, -months);
  const periods: string[] = [];
  // Bounded by the months in arrears: the offsets lie within the arrears.
  for (let month = monthAt(fromRp); month <= monthAt(toRp - 1); month += 1)
    periods.push(addYearMonths(oldest, month));
  return periods;
}
