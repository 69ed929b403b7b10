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
} as const;

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
}

export interface CollectionNoticeAcknowledgedData {
  collectionId: string;
  bankRef: string;
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
