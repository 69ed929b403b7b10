/**
 * Events of the billpay service (`billpay.events`) as the ledger and auditors read them. Amounts are integer
 * rupiah. The stream of a payment is `payment-<paymentId>`; of a koperasi's deposit, `deposit-<koperasiId>`.
 */
export const BillpayEventTypes = {
  depositToppedUp: 'DepositToppedUp',
  billPaymentRequested: 'BillPaymentRequested',
  billPaymentPending: 'BillPaymentPending',
  billPaymentSucceeded: 'BillPaymentSucceeded',
  billPaymentFailed: 'BillPaymentFailed',
  billPaymentRefunded: 'BillPaymentRefunded',
} as const;

/** The supervisor moved money from the koperasi's bank account into its deposit at the aggregator. */
export interface DepositToppedUpData {
  topupId: string;
  amountRp: number;
  bankTransferRef: string;
  supervisorId: string;
}

/** The teller took `totalAmountRp` in cash and the deposit reserved `priceRp` for it; the ref_id is fixed here. */
export interface BillPaymentRequestedData {
  paymentId: string;
  refId: string;
  productCode: string;
  productKind: 'PREPAID' | 'POSTPAID';
  biller: string;
  customerNo: string;
  billAmountRp: number;
  adminFeeRp: number;
  totalAmountRp: number;
  /** The aggregator's price as quoted (price list or inquiry): the deposit reservation. */
  priceRp: number;
  tellerId: string;
}

/** The aggregator answered pending (or did not answer): the outcome is unknown and the money stays held. */
export interface BillPaymentPendingData {
  paymentId: string;
  refId: string;
  reason: string;
}

/** The deposit was debited `priceRp`; the fee is `totalAmountRp - priceRp`. */
export interface BillPaymentSucceededData {
  paymentId: string;
  refId: string;
  productCode: string;
  totalAmountRp: number;
  priceRp: number;
  feeRp: number;
  serialNo: string | null;
  resolvedBy: 'RESPONSE' | 'CALLBACK' | 'STATUS_CHECK';
}

/** The aggregator said failed: the reservation is released and `totalAmountRp` is owed back to the customer. */
export interface BillPaymentFailedData {
  paymentId: string;
  refId: string;
  totalAmountRp: number;
  rc: string;
  reason: string;
  resolvedBy: 'RESPONSE' | 'CALLBACK' | 'STATUS_CHECK';
}

/** A supervisor paid the owed money back to the customer in cash, from `tellerId`'s drawer. */
export interface BillPaymentRefundedData {
  paymentId: string;
  amountRp: number;
  supervisorId: string;
  tellerId: string;
}
