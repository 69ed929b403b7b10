/** Command topics of the billpay service; each is answered on `<topic>.reply`. */
export const BillpayCommandTopics = {
  payBill: 'billpay.cmd.pay-bill',
  refundPayment: 'billpay.cmd.refund-payment',
  topUpDeposit: 'billpay.cmd.top-up-deposit',
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
  billAmountRp: number;
  adminFeeRp: number;
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
  refId: string;
  productCode: string;
  productName: string;
  customerNo: string;
  customerName: string | null;
  period: string | null;
  billAmountRp: number;
  adminFeeRp: number;
  totalAmountRp: number;
  /** The aggregator's serial number; for PLN prepaid the token, printed as 5 groups of 4 digits. */
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
