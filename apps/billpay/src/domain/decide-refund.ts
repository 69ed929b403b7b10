import { refuse, type BillpayDecision } from './billpay-decision.js';
import type { BillPaymentRefunded } from './billpay-events.js';
import type { PaymentState } from './payment-state.js';

export interface RefundPayment {
  type: 'RefundPayment';
  supervisorId: string;
}

/**
 * Pays a failed payment's money back in cash. Only a FAILED payment is refunded: a pending one may still
 * succeed at the aggregator, and refunding it could pay the customer twice.
 */
export function decideRefund(
  command: RefundPayment,
  state: PaymentState,
): BillpayDecision<BillPaymentRefunded> {
  if (state.status === 'NONE')
    return refuse('PAYMENT_NOT_FOUND', 'No such payment in this koperasi');
  if (command.supervisorId.trim() === '')
    return refuse('SUPERVISOR_REQUIRED', 'A refund names the supervisor who paid it out');
  if (state.status !== 'FAILED') {
    return refuse(
      'PAYMENT_NOT_FAILED',
      `Payment ${state.paymentId} is ${state.status}; only a FAILED payment is refunded`,
    );
  }
  if (state.refund === 'PAID')
    return refuse('REFUND_ALREADY_PAID', `Payment ${state.paymentId} was already refunded`);
  return {
    ok: true,
    events: [
      {
        type: 'BillPaymentRefunded',
        schemaVersion: 1,
        // The cash went into the drawer of the teller who took it, and comes back out of the same drawer.
        data: {
          paymentId: state.paymentId,
          amountRp: state.totalAmountRp,
          supervisorId: command.supervisorId,
          tellerId: state.tellerId,
        },
      },
    ],
  };
}
