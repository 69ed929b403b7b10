import type { PaymentStatus } from '@koperasi/contracts';

/** The reply to billpay.cmd.pay-bill: the payment is taken and its ref_id fixed; the outcome follows. */
export interface PayBillResult {
  paymentId: string;
  status: PaymentStatus;
  refId: string;
}
