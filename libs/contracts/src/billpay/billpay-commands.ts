import { namespaced } from '../kafka-namespace.js';

/** The billpay service's commands by name (see MemberCommands); answered on COMMAND_REPLY_TOPIC. */
export const BillpayCommands = {
  payBill: namespaced('billpay.cmd.pay-bill'),
  refundPayment: namespaced('billpay.cmd.refund-payment'),
  topUpDeposit: namespaced('billpay.cmd.top-up-deposit'),
} as const;

export type ProductKind = 'PREPAID' | 'POSTPAID';

/** Either an inquiry's id (postpaid, and prepaid after an inquiry) or product and customer (prepaid). */
export type PayBillPayload = { inquiryId: string } | { productCode: string; customerNo: string };

export type PaymentStatus = 'PROCESSING' | 'PENDING' | 'SUCCESS' | 'FAILED';

export interface PaymentView {
  paymentId: string;
  refId: string;
  status: PaymentStatus;
  productCode: string;
  customerNo: string;
  customerName: string | null;
  /** Postpaid: the bill without penalty; prepaid: the face value. */
  billAmountRp: number;
  /** Postpaid late-payment penalty (denda); 0 when none. */
  penaltyRp: number;
  adminFeeRp: number;
  /** billAmountRp + penaltyRp + adminFeeRp: what the customer paid. */
  totalAmountRp: number;
  /** What the aggregator takes from the deposit; known once it answers. */
  priceRp: number | null;
  /** Set for FAILED: whether the customer's money is still owed back, or was paid out. */
  refund: 'OWED' | 'PAID' | null;
  tellerId: string;
  createdAt: string;
  resolvedAt: string | null;
  receipt: BillReceipt | null;
}

export interface BillReceipt {
  /** Our reference (ref_id) at the aggregator. */
  refId: string;
  /** The aggregator's own transaction id, when it gave one. */
  partnerRef: string | null;
  productCode: string;
  productName: string;
  productKind: ProductKind;
  /** PLN, TELKOMSEL, PDAM, BPJS_KESEHATAN, ...: decides what the customer number is called on the struk. */
  biller: string;
  /** Meter number (PLN prepaid), IDPEL (PLN postpaid), customer number, BPJS number or phone number. */
  customerNo: string;
  customerName: string | null;
  /** PLN: the customer id (IDPEL, 12 digits); for prepaid it is not the meter number. */
  subscriberId: string | null;
  /** PLN: tariff and power class, e.g. R1/1300VA. */
  segmentPower: string | null;
  period: string | null;
  /** Postpaid: the bill without penalty; prepaid: the face value (PLN: Rp bayar, telco: nominal). */
  billAmountRp: number;
  /** Postpaid late-payment penalty (denda); 0 when none. */
  penaltyRp: number;
  adminFeeRp: number;
  /** billAmountRp + penaltyRp + adminFeeRp. */
  totalAmountRp: number;
  /** PLN prepaid: kWh bought, a decimal with a point ("32.5"); null when the aggregator did not say. */
  kwh: string | null;
  /** The aggregator's serial number; for PLN prepaid the token, printed as 5 groups of 4 digits; for telco the SN. */
  serialNo: string | null;
  token: string | null;
  paidAt: string;
  koperasiId: string;
  tellerId: string;
}

export interface RefundPaymentPayload {
  paymentId: string;
}

export interface TopUpDepositPayload {
  amountRp: number;
  bankTransferRef: string;
}

export interface DepositView {
  balanceRp: number;
  reservedRp: number;
  availableRp: number;
}
