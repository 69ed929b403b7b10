import type { BankLoan } from '@koperasi/contracts';
import { stableHash } from '../common/stable-hash.js';
import { wibMonthOf } from '../common/wib-clock.js';
import { TEST_LOANS } from './test-loans.js';

/**
 * A loan as the bank sees it. A payment goes to the installments in arrears first, then the penalty, then the
 * current installment, then (generated loans only) prepays the outstanding balance.
 */
export interface LoanAccount {
  loanNo: string;
  borrowerName: string;
  product: BankLoan['product'];
  closed: boolean;
  installmentRp: number;
  arrears: number;
  penaltyRp: number;
  prepayableRp: number;
  paidRp: number;
}

const GENERATED_LOAN = new RegExp(`^${TEST_LOANS.generatedPrefix}\\d{11}$`);
const GENERATED_OUTSTANDING_RP = 1_000_000_000_000;
const NAMES = [
  'SUKIRMAN',
  'PARTINI',
  'SUGENG RIYADI',
  'MARYATI',
  'SLAMET',
  'TUMINAH',
  'KASDI',
  'WAGIYEM',
  'PAIMAN',
  'SUMARNI',
];

export function openLoanAccount(loanNo: string): LoanAccount | null {
  const fixed = [TEST_LOANS.current, TEST_LOANS.inArrears].find((loan) => loan.loanNo === loanNo);
  if (fixed) {
    const { borrowerName, product, installmentRp, installmentsInArrears, penaltyRp } = fixed;
    return {
      loanNo,
      borrowerName,
      product,
      closed: false,
      installmentRp,
      arrears: installmentsInArrears,
      penaltyRp,
      prepayableRp: 0,
      paidRp: 0,
    };
  }
  if (loanNo === TEST_LOANS.closed.loanNo) {
    const { borrowerName, product } = TEST_LOANS.closed;
    return {
      loanNo,
      borrowerName,
      product,
      closed: true,
      installmentRp: 0,
      arrears: 0,
      penaltyRp: 0,
      prepayableRp: 0,
      paidRp: 0,
    };
  }
  if (!GENERATED_LOAN.test(loanNo)) return null;
  const hash = stableHash(`loan:${loanNo}`);
  return {
    loanNo,
    borrowerName: NAMES[hash % NAMES.length],
    product: hash % 2 === 0 ? 'KUR' : 'KUPEDES',
    closed: false,
    installmentRp: 500_000 + (hash % 31) * 50_000,
    arrears: 0,
    penaltyRp: 0,
    prepayableRp: GENERATED_OUTSTANDING_RP,
    paidRp: 0,
  };
}

export function maxPaymentOf(loan: LoanAccount): number {
  if (loan.closed) return 0;
  return (
    loan.arrears * loan.installmentRp +
    loan.penaltyRp +
    loan.installmentRp +
    loan.prepayableRp -
    loan.paidRp
  );
}

export function viewOf(loan: LoanAccount, nowMs: number): BankLoan {
  const period = wibMonthOf(nowMs);
  if (loan.closed) {
    return {
      loan_no: loan.loanNo,
      borrower_name: loan.borrowerName,
      product: loan.product,
      status: 'CLOSED',
      period,
      installment_due_rp: 0,
      installments_in_arrears: 0,
      penalty_rp: 0,
      max_payment_rp: 0,
    };
  }
  let paid = loan.paidRp;
  const arrearsRp = loan.arrears * loan.installmentRp;
  const arrearsLeftRp = Math.max(0, arrearsRp - paid);
  paid = Math.max(0, paid - arrearsRp);
  const penaltyLeftRp = Math.max(0, loan.penaltyRp - paid);
  paid = Math.max(0, paid - loan.penaltyRp);
  const currentLeftRp = Math.max(0, loan.installmentRp - paid);
  return {
    loan_no: loan.loanNo,
    borrower_name: loan.borrowerName,
    product: loan.product,
    status: 'ACTIVE',
    period,
    // While arrears or penalty remain, the current installment is still due in full.
    installment_due_rp: arrearsLeftRp + penaltyLeftRp > 0 ? loan.installmentRp : currentLeftRp,
    installments_in_arrears: Math.ceil(arrearsLeftRp / loan.installmentRp),
    penalty_rp: penaltyLeftRp,
    max_payment_rp: maxPaymentOf(loan),
  };
}
