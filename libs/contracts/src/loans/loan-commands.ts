import { namespaced } from '../kafka-namespace.js';
import type { InstallmentAllocation } from './loan-events.js';

/** The loans service's commands by name (see MemberCommands); answered on COMMAND_REPLY_TOPIC. */
export const LoanCommands = {
  collectInstallment: namespaced('loans.cmd.collect-installment'),
  closeRemittance: namespaced('loans.cmd.close-remittance'),
  payBackRefusedCollection: namespaced('loans.cmd.pay-back-refused-collection'),
} as const;

/** A supervisor pays a collection the bank refused back to the customer from a teller's drawer. */
export interface PayBackRefusedCollectionPayload {
  collectionId: string;
  /** The teller whose drawer pays the cash out. */
  tellerId: string;
  paidByName: string;
}

export type LoanProduct = 'KUR' | 'KUPEDES';

/** The bank's view of a loan at the counter, as the loans service read it from the bank at `viewedAt`. */
export interface LoanAccountView {
  loanNo: string;
  borrowerName: string;
  product: LoanProduct;
  status: 'ACTIVE' | 'CLOSED';
  period: string;
  installmentDueRp: number;
  installmentsInArrears: number;
  penaltyRp: number;
  maxPaymentRp: number;
  viewedAt: string;
}

export interface CollectInstallmentPayload {
  loanNo: string;
  amountRp: number;
  /**
   * The bank's view the gateway looked up just before sending, so the command handler decides without calling
   * the bank; the service refuses a view that is too old.
   */
  loan: LoanAccountView;
}

export interface CollectInstallmentResult {
  collectionId: string;
  receipt: InstallmentReceipt;
}

export interface InstallmentReceipt {
  collectionId: string;
  loanNo: string;
  borrowerName: string;
  product: LoanProduct;
  /** The installment period the bank reported as due, e.g. 2026-11. */
  period: string;
  amountRp: number;
  /** What the amount paid; null for collections recorded before the split was kept. */
  allocation: InstallmentAllocation | null;
  feeRp: number;
  /** BANK_PAYS: the bank owes the fee; NETTED: kept from the remittance. */
  feeMode: 'BANK_PAYS' | 'NETTED';
  collectedAt: string;
  koperasiId: string;
  tellerId: string;
}

/** REFUSED: the bank refused the notice for good; the collection is never remitted and is owed back to the customer. */
export type CollectionRemittanceState = 'UNREMITTED' | 'IN_BATCH' | 'REMITTED' | 'REFUSED';

/** The bank's refusal of a collection's notice, and its paying back to the customer once a supervisor did. */
export interface CollectionRefusal {
  code: string;
  reason: string;
  refusedAt: string;
  paidBack: { tellerId: string; paidBy: string; paidByName: string; paidAt: string } | null;
}

/** A collection as the loans service's queries show it: the receipt plus where the money and the notice are. */
export interface CollectionView extends InstallmentReceipt {
  /** The WIB date of the counter the collection belongs to. */
  businessDate: string;
  noticeStatus: 'PENDING' | 'ACKNOWLEDGED' | 'REFUSED';
  bankRef: string | null;
  remittanceId: string | null;
  remittance: CollectionRemittanceState;
  refusal: CollectionRefusal | null;
}

export type LoanFeeRule =
  { kind: 'FIXED'; feeRp: number } | { kind: 'PERCENT'; basisPoints: number };

/** A koperasi's collection agreement with the bank for one product; `agreed` false means the defaults apply. */
export interface CollectionAgreementView {
  product: LoanProduct;
  fee: LoanFeeRule;
  /** In words, with the rounding rule. */
  feeDescription: string;
  partialAllowed: boolean;
  feeMode: 'BANK_PAYS' | 'NETTED';
  agreed: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface CloseRemittancePayload {
  /** Optional: only collections of this business date (WIB) and before; all unremitted ones otherwise. */
  upToDate?: string;
}

export type RemittanceStatus = 'SENT' | 'CONFIRMED' | 'REJECTED' | 'UNKNOWN';

export interface RemittanceView {
  remittanceId: string;
  status: RemittanceStatus;
  collectionCount: number;
  collectedRp: number;
  feeNettedRp: number;
  /** What goes to the bank: collected minus any netted fees. */
  remitRp: number;
  closedAt: string;
  resolvedAt: string | null;
  reason: string | null;
  /** The bank's own reference for a CONFIRMED batch; null until then. */
  bankRef: string | null;
}
