import { allocateInstallment, formatRupiah, isPositiveRupiah } from '@koperasi/domain';
import { feeFor } from './collection-agreement.js';
import {
  MAX_CLOCK_SKEW_MS,
  MAX_LOAN_VIEW_AGE_MS,
  type CollectInstallment,
} from './collect-installment.js';
import { refuse, type LoanDecision } from './loan-decision.js';
import type { InstallmentCollected } from './loan-events.js';

/**
 * Takes an installment the bank allows right now: never on a closed loan, never more than the bank's maximum
 * (installments due, arrears and penalty), and less than one installment only where the agreement allows
 * partial payments. A collection is a stream of its own, so there is no prior state to fold.
 */
export function decideCollectInstallment(
  command: CollectInstallment,
): LoanDecision<InstallmentCollected> {
  const { loan, amountRp, agreement } = command;
  if (typeof command.tellerId !== 'string' || command.tellerId.trim() === '') {
    return refuse('TELLER_REQUIRED', 'The teller taking the cash must be named');
  }
  if (!isPositiveRupiah(amountRp)) {
    return refuse(
      'INVALID_AMOUNT',
      `The amount must be a whole number of rupiah above zero, got ${JSON.stringify(amountRp)}`,
    );
  }
  if (loan.loanNo !== command.loanNo) {
    return refuse(
      'LOAN_VIEW_MISMATCH',
      `The bank's view is of loan ${loan.loanNo}, not ${command.loanNo}`,
    );
  }
  const ageMs = Date.parse(command.now) - Date.parse(loan.viewedAt);
  if (!Number.isFinite(ageMs) || ageMs > MAX_LOAN_VIEW_AGE_MS || ageMs < -MAX_CLOCK_SKEW_MS) {
    return refuse(
      'LOAN_VIEW_STALE',
      `The bank's view of loan ${loan.loanNo} is out of date; look the loan up again`,
    );
  }
  if (loan.status !== 'ACTIVE') {
    return refuse(
      'LOAN_CLOSED',
      `Loan ${loan.loanNo} is closed at the bank; nothing more can be paid on it`,
    );
  }
  const maxPaymentRp = Math.max(0, loan.maxPaymentRp - command.notYetAtBankRp);
  if (amountRp > maxPaymentRp) {
    const pending =
      command.notYetAtBankRp > 0
        ? `, after ${formatRupiah(command.notYetAtBankRp)} collected here and not yet at the bank`
        : '';
    return refuse(
      'OVERPAYMENT',
      `The bank accepts at most ${formatRupiah(maxPaymentRp)} on loan ${loan.loanNo} now ` +
        `(installments due with arrears and penalty${pending}); ${formatRupiah(amountRp)} is too much`,
    );
  }
  // A last installment can be smaller than the regular one: then the bank's maximum is the whole of it.
  const wholeInstallmentRp = Math.min(loan.installmentDueRp, maxPaymentRp);
  if (amountRp < wholeInstallmentRp && !agreement.partialAllowed) {
    return refuse(
      'PARTIAL_NOT_ALLOWED',
      `This koperasi takes only whole ${loan.product} installments: at least ${formatRupiah(wholeInstallmentRp)}, ` +
        `got ${formatRupiah(amountRp)}`,
    );
  }
  return {
    ok: true,
    events: [
      {
        type: 'InstallmentCollected',
        schemaVersion: 1,
        data: {
          collectionId: command.collectionId,
          loanNo: loan.loanNo,
          product: loan.product,
          borrowerName: loan.borrowerName,
          period: loan.period,
          amountRp,
          feeRp: feeFor(agreement.fee, amountRp),
          feeMode: agreement.feeMode,
          tellerId: command.tellerId,
          // What was taken here and is not in the bank's figures yet was applied before this payment.
          allocation: allocateInstallment(loan, amountRp, command.notYetAtBankRp),
        },
      },
    ],
  };
}
