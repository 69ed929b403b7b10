import type { InstallmentAllocation } from '@koperasi/contracts';
import { allocateInstallment, arrearsOwedRp, type LoanDue } from '@koperasi/domain';
import type { ApiSchemas } from '../../api/client';

export type LoanView = ApiSchemas['LoanAccountResponse'];
export type Agreement = ApiSchemas['AgreementResponse'];
type Receipt = ApiSchemas['InstallmentReceiptResponse'];

/** The bank's view in the terms of the domain rules the loans service applies. */
export function loanDueOf(loan: LoanView): LoanDue {
  return {
    period: loan.period,
    installmentDueRp: loan.installmentDue,
    installmentsInArrears: loan.installmentsInArrears,
    penaltyRp: loan.penalty,
    maxPaymentRp: loan.maxPayment,
  };
}

/** What the borrower owes now: arrears, penalty and the current installment, never more than the bank accepts. */
export function dueNowRp(loan: LoanView): number {
  return Math.min(
    loan.maxPayment,
    arrearsOwedRp(loanDueOf(loan)) + loan.penalty + loan.installmentDue,
  );
}

/** The least the koperasi may take: a whole installment unless partial payments are agreed (a last one may be smaller). */
export function minimumRp(loan: LoanView, agreement: Agreement | undefined): number {
  if (agreement?.partialAllowed) return 1;
  return Math.min(loan.installmentDue, loan.maxPayment);
}

/** The koperasi's fee on an amount, as the loans service computes it (percent rounded half up). */
export function feeRp(agreement: Agreement | undefined, amountRp: number): number | null {
  if (!agreement) return null;
  const raw =
    agreement.fee.kind === 'FIXED'
      ? (agreement.fee.amount ?? 0)
      : Number(
          (BigInt(amountRp) * BigInt(agreement.fee.basisPoints ?? 0) * BigInt(2) + BigInt(10_000)) /
            BigInt(20_000),
        );
  return Math.min(raw, amountRp);
}

/**
 * What the amount pays, split as the loans service splits it: the receipt's own split once there is one (it also
 * counts collections the bank has not seen yet), the bank's view before.
 */
export function allocationOf(
  loan: LoanView,
  amountRp: number,
  recorded?: Receipt['allocation'],
): InstallmentAllocation {
  if (!recorded) return allocateInstallment(loanDueOf(loan), amountRp);
  return {
    arrearsRp: recorded.arrears,
    arrearsPeriods: recorded.arrearsPeriods,
    penaltyRp: recorded.penalty,
    currentRp: recorded.current,
    currentPeriod: recorded.currentPeriod,
    aheadRp: recorded.ahead,
  };
}
