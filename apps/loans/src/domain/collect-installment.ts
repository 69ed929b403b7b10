import type { LoanAccountView } from '@koperasi/contracts';
import type { CollectionAgreement } from './collection-agreement.js';

export interface CollectInstallment {
  type: 'CollectInstallment';
  collectionId: string;
  loanNo: string;
  amountRp: number;
  /** The bank's view of the loan the gateway looked up before sending the command. */
  loan: LoanAccountView;
  agreement: CollectionAgreement;
  /**
   * What this service collected on the loan that the bank's view cannot include yet: notices not acknowledged,
   * or acknowledged after the view was read. The bank's maximum is reduced by it.
   */
  notYetAtBankRp: number;
  tellerId: string;
  /** ISO 8601: when the handler decided; the view's age is measured against it. */
  now: string;
}

/**
 * How old the bank's view may be. The gateway looks the loan up right before sending, so a view older than
 * this sat in a queue, and the bank's figures may have moved since.
 */
export const MAX_LOAN_VIEW_AGE_MS = 60_000;
/** Clocks of the gateway and this service may disagree slightly; a view from further ahead is suspect. */
export const MAX_CLOCK_SKEW_MS = 5_000;
