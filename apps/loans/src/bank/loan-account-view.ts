import type { BankLoan, LoanAccountView } from '@koperasi/contracts';

/** The bank's answer when it is a loan this service can decide on; null for anything malformed. */
export function parseBankLoan(value: unknown, loanNo: string): BankLoan | null {
  const loan = value as Partial<BankLoan> | null;
  if (typeof loan !== 'object' || loan === null || loan.loan_no !== loanNo) return null;
  if (typeof loan.borrower_name !== 'string' || typeof loan.period !== 'string') return null;
  if (loan.product !== 'KUR' && loan.product !== 'KUPEDES') return null;
  if (loan.status !== 'ACTIVE' && loan.status !== 'CLOSED') return null;
  const amounts = [
    loan.installment_due_rp,
    loan.installments_in_arrears,
    loan.penalty_rp,
    loan.max_payment_rp,
  ];
  if (!amounts.every((amount) => Number.isSafeInteger(amount) && (amount as number) >= 0))
    return null;
  return loan as BankLoan;
}

/** The bank's loan in our own terms, stamped with when we read it. */
export function loanAccountViewOf(loan: BankLoan, viewedAt: Date): LoanAccountView {
  return {
    loanNo: loan.loan_no,
    borrowerName: loan.borrower_name,
    product: loan.product,
    status: loan.status,
    period: loan.period,
    installmentDueRp: loan.installment_due_rp,
    installmentsInArrears: loan.installments_in_arrears,
    penaltyRp: loan.penalty_rp,
    maxPaymentRp: loan.max_payment_rp,
    viewedAt: viewedAt.toISOString(),
  };
}

/** Loan account numbers at the bank are 15 digits. */
export const LOAN_NO_PATTERN = /^\d{15}$/;

/** Whether a command's payload carries a loan view this service can decide on. */
export function isLoanAccountView(value: unknown): value is LoanAccountView {
  const view = value as Partial<LoanAccountView> | null;
  if (typeof view !== 'object' || view === null) return false;
  if (
    typeof view.loanNo !== 'string' ||
    typeof view.borrowerName !== 'string' ||
    typeof view.period !== 'string'
  )
    return false;
  if (view.product !== 'KUR' && view.product !== 'KUPEDES') return false;
  if (view.status !== 'ACTIVE' && view.status !== 'CLOSED') return false;
  if (typeof view.viewedAt !== 'string') return false;
  const amounts = [
    view.installmentDueRp,
    view.installmentsInArrears,
    view.penaltyRp,
    view.maxPaymentRp,
  ];
  return amounts.every((amount) => Number.isSafeInteger(amount) && (amount as number) >= 0);
}
