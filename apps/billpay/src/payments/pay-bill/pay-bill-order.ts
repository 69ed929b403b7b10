import type { PayBillPayload } from '@koperasi/contracts';
import type { PayBill } from '../../domain/index.js';

/** A pay-bill command as it arrives: what to pay, and the payment id fixed for every attempt at it. */
export interface PayBillOrder {
  paymentId: string;
  tellerId: string;
  payload: PayBillPayload;
}

/** The decider's command, quoted from the catalog or the inquiry, with what the payments row shows besides. */
export interface QuotedPayBill extends PayBill {
  productName: string;
}
