/**
 * Events of the loans service (`loans.events`). A collection's stream is `collection-<collectionId>`; a
 * remittance batch's, `remittance-<remittanceId>`.
 */
export const LoanEventTypes = {
  installmentCollected: 'InstallmentCollected',
  collectionNoticeAcknowledged: 'CollectionNoticeAcknowledged',
  remittanceClosed: 'RemittanceClosed',
  remittanceConfirmed: 'RemittanceConfirmed',
  remittanceRejected: 'RemittanceRejected',
  collectionRefusedByBank: 'CollectionRefusedByBank',
  refusedCollectionPaidBack: 'RefusedCollectionPaidBack',
} as const;

/**
 * What one collection paid, in the order the bank applies a payment: installments in arrears (oldest month
 * first), the penalty (denda), the current installment, then ahead on the outstanding balance. The parts add up
 * to the amount collected.
 */
export interface InstallmentAllocation {
  arrearsRp: number;
  /** The months in arrears this payment went to, oldest first, e.g. ['2026-09', '2026-10']; a month may be paid in part. */
  arrearsPeriods: string[];
  penaltyRp: number;
  currentRp: number;
  /** The installment period due, e.g. 2026-11. */
  currentPeriod: string;
  aheadRp: number;
}

/** Cash in from the teller's drawer, owed to the bank; the fee earned at the same moment. */
export interface InstallmentCollectedData {
  collectionId: string;
  loanNo: string;
  product: 'KUR' | 'KUPEDES';
  borrowerName: string;
  period: string;
  amountRp: number;
  feeRp: number;
  feeMode: 'BANK_PAYS' | 'NETTED';
  tellerId: string;
  /** Absent on collections recorded before the split was kept. */
  allocation?: InstallmentAllocation;
}

export interface CollectionNoticeAcknowledgedData {
  collectionId: string;
  bankRef: string;
}

/**
 * The bank refused the collection's notice for good (HTTP 422): the installment is not the bank's, the cash is
 * owed back to the customer, and the fee it would have earned is undone. The figures repeat the collection's
 * so the ledger books the reversal from this event alone.
 */
export interface CollectionRefusedByBankData {
  collectionId: string;
  loanNo: string;
  product: 'KUR' | 'KUPEDES';
  amountRp: number;
  feeRp: number;
  feeMode: 'BANK_PAYS' | 'NETTED';
  /** The bank's error code and reason, as it gave them. */
  code: string;
  reason: string;
}

/** A supervisor paid a refused collection back to the customer in cash from a teller's drawer. */
export interface RefusedCollectionPaidBackData {
  collectionId: string;
  loanNo: string;
  amountRp: number;
  /** The drawer the cash left. */
  tellerId: string;
  paidBy: string;
  paidByName: string;
}

/** A supervisor closed a batch of collections not yet remitted; the money has not moved yet. */
export interface RemittanceClosedData {
  remittanceId: string;
  collectionIds: string[];
  collectedRp: number;
  feeNettedRp: number;
  remitRp: number;
  supervisorId: string;
}

/** The bank confirmed: `remitRp` left the koperasi's bank account, clearing the liability (with netted fees). */
export interface RemittanceConfirmedData {
  remittanceId: string;
  collectedRp: number;
  feeNettedRp: number;
  remitRp: number;
  bankRef: string;
}

/** The bank refused the batch; its collections return to the pool for the next batch. */
export interface RemittanceRejectedData {
  remittanceId: string;
  collectionIds: string[];
  reason: string;
}
