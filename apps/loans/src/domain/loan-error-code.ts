/** Every rule the loans deciders can refuse with; each has an HTTP status in loan-error-replies. */
export type LoanErrorCode =
  | 'INVALID_AMOUNT'
  | 'TELLER_REQUIRED'
  | 'LOAN_VIEW_MISMATCH'
  | 'LOAN_VIEW_STALE'
  | 'LOAN_CLOSED'
  | 'OVERPAYMENT'
  | 'PARTIAL_NOT_ALLOWED'
  | 'INVALID_AGREEMENT'
  | 'NOTHING_TO_REMIT'
  | 'REMITTANCE_NOT_OPEN'
  | 'COLLECTION_NOT_REFUSED'
  | 'ALREADY_PAID_BACK';
