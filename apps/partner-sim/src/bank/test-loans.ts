/**
 * partner-sim's deterministic loans, for tests anywhere in the suite. Any other 15-digit number starting
 * with `generatedPrefix` is a current loan generated from its number, whose max_payment_rp is its whole
 * (very large) outstanding balance, so a benchmark can collect on it many times; every other number is unknown.
 */
export const TEST_LOANS = {
  current: {
    loanNo: '000101000001001',
    borrowerName: 'WARSITO',
    product: 'KUR',
    installmentRp: 1_250_000,
    installmentsInArrears: 0,
    penaltyRp: 0,
    maxPaymentRp: 1_250_000,
  },
  inArrears: {
    loanNo: '000101000002002',
    borrowerName: 'SRI WAHYUNI',
    product: 'KUPEDES',
    installmentRp: 750_000,
    installmentsInArrears: 2,
    penaltyRp: 45_000,
    maxPaymentRp: 3 * 750_000 + 45_000,
  },
  closed: { loanNo: '000101000003003', borrowerName: 'SUPARMAN', product: 'KUR' },
  unknown: '000101000009999',
  generatedPrefix: '0009',
} as const;

export type TestLoans = typeof TEST_LOANS;
