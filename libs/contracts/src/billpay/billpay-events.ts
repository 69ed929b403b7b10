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

/**
 * The teller took `totalAmountRp` in cash and the deposit reserved `priceRp` for it; the ref_id is fixed here.
 * `totalAmountRp = billAmountRp + (penaltyRp ?? 0) + adminFeeRp`. The optional fields are written by newer
 * versions only (from the inquiry, where there was one); an event without them reads as "not known", and
 * without `penaltyRp` as no penalty.
 */
export interface BillPaymentRequestedData {
  paymentId: string;
  refId: string;
  productCode: string;
  productKind: 'PREPAID' | 'POSTPAID';
  biller: string;
  customerNo: string;
  /** Postpaid: the bill without penalty; prepaid: the face value. */
  billAmountRp: number;
  /** Postpaid: the late-payment penalty (denda) the customer paid; written only when there is one. */
  penaltyRp?: number;
  adminFeeRp: number;
  totalAmountRp: number;
  customerName?: string;
  /** Postpaid billing period, YYYYMM. */
  period?: string;
  /** PLN: tariff and power class, e.g. R1/1300VA. */
  segmentPower?: string;
  /** PLN: the customer id (IDPEL); for prepaid, not the meter number in `customerNo`. */
  subscriberId?: string;
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
  /**
   * What the aggregator's answer told about the transaction, written by newer versions when it said so: its own
   * transaction id, and the biller's customer details (PLN: name, IDPEL, tariff/power, kWh bought).
   */
  partnerRef?: string;
  customerName?: string;
  subscriberId?: string;
  segmentPower?: string;
  /** PLN prepaid: kWh bought, a decimal with a point, e.g. "32.5". */
  kwh?: string;
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
