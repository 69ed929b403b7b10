/**
 * The bank's collection-agent HTTP protocol, spoken by loans' adapter and by partner-sim.
 * Every request carries `Authorization: Bearer <bank api key>` and our agent id in `X-Agent-Id`.
 * Amounts are integer rupiah.
 */
export const BankPaths = {
  /** GET; 404 with code LOAN_NOT_FOUND for an unknown account. */
  loan: (loanNo: string) => `/bank/v1/loans/${encodeURIComponent(loanNo)}`,
  /** POST a CollectionNotice; idempotent by `reference`. */
  collections: '/bank/v1/collections',
  /** POST a RemittanceRequest; idempotent by `batch_ref`. */
  remittances: '/bank/v1/remittances',
  /** GET the batch status. */
  remittance: (batchRef: string) => `/bank/v1/remittances/${encodeURIComponent(batchRef)}`,
} as const;

export interface BankLoan {
  loan_no: string;
  borrower_name: string;
  product: 'KUR' | 'KUPEDES';
  status: 'ACTIVE' | 'CLOSED';
  /** The next installment's period, e.g. 2026-11. */
  period: string;
  installment_due_rp: number;
  installments_in_arrears: number;
  penalty_rp: number;
  /** The most the bank accepts now: installments due (arrears included) plus penalty. */
  max_payment_rp: number;
}

export interface CollectionNotice {
  /** Our collectionId: the bank counts a reference once however often it is sent. */
  reference: string;
  loan_no: string;
  amount_rp: number;
  collected_at: string;
}

export interface CollectionAck {
  reference: string;
  bank_ref: string;
  status: 'ACKNOWLEDGED';
}

export interface RemittanceRequest {
  batch_ref: string;
  total_rp: number;
  items: { reference: string; amount_rp: number }[];
  /**
   * Optional: fees the agent keeps under a netting agreement. `total_rp` stays the sum of the items as notified;
   * the agent transfers `total_rp - fee_netted_rp`.
   */
  fee_netted_rp?: number;
}

export interface RemittanceStatusResponse {
  batch_ref: string;
  status: 'RECEIVED' | 'CONFIRMED' | 'REJECTED' | 'NOT_FOUND';
  bank_ref: string | null;
  reason: string | null;
}
