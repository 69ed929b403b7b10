import type { ApiSchemas } from '../../api/client';

export type LoanView = ApiSchemas['LoanAccountResponse'];
export type Agreement = ApiSchemas['AgreementResponse'];

/** The arrears in rupiah as the bank's view implies them (whole installments, less what was paid towards them). */
export function arrearsRp(loan: LoanView): number {
  if (loan.installmentsInArrears <= 0) return 0;
  return Math.min(loan.installmentsInArrears * loan.installmentDue, Math.max(0, loan.maxPayment - loan.penalty - loan.installmentDue));
}

/** What the borrower owes now: arrears, penalty and the current installment, never more than the bank accepts. */
export function dueNowRp(loan: LoanView): number {
  return Math.min(loan.maxPayment, arrearsRp(loan) + loan.penalty + loan.installmentDue);
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
      : Number((BigInt(amountRp) * BigInt(agreement.fee.basisPoints ?? 0) * BigInt(2) + BigInt(10_000)) / BigInt(20_000));
  return Math.min(raw, amountRp);
}

export interface Allocation {
  arrears: number;
  penalty: number;
  current: number;
  /** Beyond this month's installment: paid ahead on the outstanding balance. */
  ahead: number;
}

/** How the bank applies a payment: arrears first, then the penalty, then the current installment, then ahead. */
export function allocate(loan: LoanView, amountRp: number): Allocation {
  let rest = amountRp;
  const take = (owed: number) => {
    const part = Math.min(rest, owed);
    rest -= part;
    return part;
  };
  const arrears = take(arrearsRp(loan));
  const penalty = take(loan.penalty);
  const current = take(loan.installmentDue);
  return { arrears, penalty, current, ahead: rest };
}
