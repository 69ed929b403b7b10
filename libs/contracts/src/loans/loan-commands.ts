/** Command topics of the loans service; each is answered on `<topic>.reply`. */
export const LoanCommandTopics = {
  collectInstallment: 'loans.cmd.collect-installment',
  closeRemittance: 'loans.cmd.close-remittance',
} as const;

export type LoanProduct = 'KUR' | 'KUPEDES';

export interface CollectInstallmentPayload {
  loanNo: string;
  amountRp: number;
}

export interface InstallmentReceipt {
  collectionId: string;
  loanNo: string;
  borrowerName: string;
  product: LoanProduct;
  /** The installment period the bank reported as due, e.g. 2026-11. */
  period: string;
  amountRp: number;
  feeRp: number;
  /** BANK_PAYS: the bank owes the fee; NETTED: kept from the remittance. */
  feeMode: 'BANK_PAYS' | 'NETTED';
  collectedAt: string;
  koperasiId: string;
  tellerId: string;
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
}
