import type { ProductKind } from '@koperasi/contracts';
import { formatRupiah } from '@koperasi/domain';
import { refuse, type BillpayDecision } from './billpay-decision.js';
import type { BillPaymentRequested } from './billpay-events.js';
import { availableRp, type DepositState, type PaymentState } from './payment-state.js';

/** What is being paid and for how much, from the catalog and price list or from an inquiry. */
export interface PaymentQuote {
  productCode: string;
  productKind: ProductKind;
  biller: string;
  customerNo: string;
  /** Postpaid: the bill without penalty; prepaid: the face value. */
  billAmountRp: number;
  /** Postpaid late-payment penalty (denda) from the inquiry; none when absent. */
  penaltyRp?: number;
  adminFeeRp: number;
  /** What the inquiry told about the customer, kept in the event for the receipt. */
  details?: QuoteDetails;
  /** What the aggregator will debit; null when the price list has no row for a prepaid product. */
  priceRp: number | null;
  inquiry: { inquiryId: string; expiresAtMs: number; usedByPaymentId: string | null } | null;
}

export interface QuoteDetails {
  customerName: string | null;
  period: string | null;
  segmentPower: string | null;
  subscriberId: string | null;
}

/** What the customer pays: bill (or face value), penalty and admin fee. */
export function totalOf(
  quote: Pick<PaymentQuote, 'billAmountRp' | 'penaltyRp' | 'adminFeeRp'>,
): number {
  return quote.billAmountRp + (quote.penaltyRp ?? 0) + quote.adminFeeRp;
}

export interface PayBill {
  type: 'PayBill';
  paymentId: string;
  /** Fixed here, before any call out, and used for the transaction and every status check. */
  refId: string;
  quote: PaymentQuote;
  tellerId: string;
  nowMs: number;
}

/**
 * Takes the customer's money for a bill only when the deposit can cover the aggregator's price: a payment the
 * deposit cannot cover is refused here, before anything is sent to the aggregator.
 */
export function decidePayBill(
  command: PayBill,
  state: { payment: PaymentState; deposit: DepositState },
): BillpayDecision<BillPaymentRequested> {
  const { quote } = command;
  if (state.payment.status !== 'NONE')
    return refuse('PAYMENT_EXISTS', `Payment ${command.paymentId} already exists`);
  if (command.tellerId.trim() === '')
    return refuse('TELLER_REQUIRED', 'A payment names the teller who took the cash');
  if (quote.inquiry?.usedByPaymentId) {
    return refuse(
      'INQUIRY_ALREADY_USED',
      `Inquiry ${quote.inquiry.inquiryId} was already paid by payment ${quote.inquiry.usedByPaymentId}`,
    );
  }
  if (quote.inquiry && command.nowMs >= quote.inquiry.expiresAtMs) {
    return refuse(
      'INQUIRY_EXPIRED',
      `Inquiry ${quote.inquiry.inquiryId} expired at ${new Date(quote.inquiry.expiresAtMs).toISOString()}; ask again`,
    );
  }
  const penaltyRp = quote.penaltyRp ?? 0;
  if (!Number.isSafeInteger(penaltyRp) || penaltyRp < 0)
    return refuse('INVALID_AMOUNT', `A penalty of ${penaltyRp} is not an amount in rupiah`);
  const details = quote.details;
  if (quote.priceRp === null)
    return refuse('PRICE_UNKNOWN', `The price list has no price for ${quote.productCode}`);
  const available = availableRp(state.deposit);
  if (quote.priceRp > available) {
    return refuse(
      'DEPOSIT_TOO_LOW',
      `The deposit at the aggregator has ${formatRupiah(available)} available; this payment needs ${formatRupiah(quote.priceRp)}. A supervisor can top it up.`,
    );
  }
  return {
    ok: true,
    events: [
      {
        type: 'BillPaymentRequested',
        schemaVersion: 1,
        data: {
          paymentId: command.paymentId,
          refId: command.refId,
          productCode: quote.productCode,
          productKind: quote.productKind,
          biller: quote.biller,
          customerNo: quote.customerNo,
          billAmountRp: quote.billAmountRp,
          ...(penaltyRp > 0 && { penaltyRp }),
          adminFeeRp: quote.adminFeeRp,
          totalAmountRp: totalOf(quote),
          priceRp: quote.priceRp,
          tellerId: command.tellerId,
          ...(details?.customerName && { customerName: details.customerName }),
          ...(details?.period && { period: details.period }),
          ...(details?.segmentPower && { segmentPower: details.segmentPower }),
          ...(details?.subscriberId && { subscriberId: details.subscriberId }),
        },
      },
    ],
  };
}
