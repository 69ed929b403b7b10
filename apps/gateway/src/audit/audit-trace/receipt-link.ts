import { API_PREFIX } from '../../configure-app.js';
import type { ServiceEvent } from '../merged-events.js';

export type ReceiptKind =
  'member-savings-statement-line' | 'bill-payment-receipt' | 'installment-receipt';

/** Where the counter's paper for this event can be printed again. */
export interface ReceiptLink {
  kind: ReceiptKind;
  href: string;
  /** The statement line's event, the payment or the collection. */
  id: string;
}

const MEMBER_STREAM = 'member-';

/**
 * The counter receipt behind an event: a member's savings movement is a line of the member's statement (the
 * line with this event id), a bill payment has its payment receipt, a loan installment its collection receipt.
 * Events with no paper at the counter (registrations, top-ups, remittances) have none.
 */
export function receiptLinkOf(
  event: Pick<ServiceEvent, 'service' | 'streamId' | 'eventId' | 'data'>,
): ReceiptLink | null {
  const data = (typeof event.data === 'object' && event.data !== null ? event.data : {}) as Record<
    string,
    unknown
  >;
  if (event.service === 'members' && event.streamId.startsWith(MEMBER_STREAM)) {
    const memberId = event.streamId.slice(MEMBER_STREAM.length);
    return {
      kind: 'member-savings-statement-line',
      href: `/${API_PREFIX}/members/${memberId}/statement`,
      id: event.eventId,
    };
  }
  if (event.service === 'billpay' && typeof data.paymentId === 'string') {
    return {
      kind: 'bill-payment-receipt',
      href: `/${API_PREFIX}/billpay/payments/${data.paymentId}/receipt`,
      id: data.paymentId,
    };
  }
  if (event.service === 'loans' && typeof data.collectionId === 'string') {
    return {
      kind: 'installment-receipt',
      href: `/${API_PREFIX}/loans/installments/${data.collectionId}/receipt`,
      id: data.collectionId,
    };
  }
  return null;
}
