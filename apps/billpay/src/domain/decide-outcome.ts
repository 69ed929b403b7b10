import type {
  BillPaymentFailed,
  BillPaymentPending,
  BillPaymentSucceeded,
} from './billpay-events.js';
import { noSuccessDetails, type AggregatorOutcome } from './aggregator-outcome.js';
import type { PaymentState } from './payment-state.js';

export type OutcomeDecision =
  | { kind: 'APPLY'; events: (BillPaymentPending | BillPaymentSucceeded | BillPaymentFailed)[] }
  /** Already known (a repeated callback, a second status answer): nothing changes. */
  | { kind: 'UNCHANGED' }
  /** The aggregator now says the opposite of a final outcome: kept and shouted about, never applied. */
  | { kind: 'CONTRADICTS'; message: string };

type Resolution = Extract<AggregatorOutcome, { kind: 'SUCCESS' | 'FAILED' | 'PENDING' }>;

/**
 * Applies what the aggregator said to a payment. A final outcome is final: the money moved (or did not) at
 * the aggregator, so a later answer that disagrees is a matter for reconciliation, not an overwrite.
 */
export function decideOutcome(state: PaymentState, outcome: Resolution): OutcomeDecision {
  if (state.status === 'NONE') return { kind: 'CONTRADICTS', message: 'no such payment' };
  if (state.status === 'SUCCESS' || state.status === 'FAILED') {
    if (outcome.kind === 'PENDING' || outcome.kind === state.status) return { kind: 'UNCHANGED' };
    return {
      kind: 'CONTRADICTS',
      message: `payment ${state.paymentId} (ref ${state.refId}) is ${state.status}, the aggregator now says ${outcome.kind}`,
    };
  }
  const { paymentId, refId } = state;
  switch (outcome.kind) {
    case 'PENDING':
      if (state.status === 'PENDING') return { kind: 'UNCHANGED' };
      return {
        kind: 'APPLY',
        events: [
          {
            type: 'BillPaymentPending',
            schemaVersion: 1,
            data: { paymentId, refId, reason: outcome.reason },
          },
        ],
      };
    case 'SUCCESS': {
      // A success without a price (a terse callback) debited what was quoted.
      const priceRp = outcome.priceRp ?? state.quotedPriceRp;
      const details = outcome.details ?? noSuccessDetails;
      return {
        kind: 'APPLY',
        events: [
          {
            type: 'BillPaymentSucceeded',
            schemaVersion: 1,
            data: {
              paymentId,
              refId,
              productCode: state.productCode,
              totalAmountRp: state.totalAmountRp,
              priceRp,
              feeRp: state.totalAmountRp - priceRp,
              serialNo: outcome.serialNo,
              resolvedBy: outcome.resolvedBy,
              // Only what the aggregator said: an event without them reads as before.
              ...(details.partnerRef !== null && { partnerRef: details.partnerRef }),
              ...(details.customerName !== null && { customerName: details.customerName }),
              ...(details.subscriberId !== null && { subscriberId: details.subscriberId }),
              ...(details.segmentPower !== null && { segmentPower: details.segmentPower }),
              ...(details.kwh !== null && { kwh: details.kwh }),
            },
          },
        ],
      };
    }
    case 'FAILED':
      return {
        kind: 'APPLY',
        events: [
          {
            type: 'BillPaymentFailed',
            schemaVersion: 1,
            data: {
              paymentId,
              refId,
              totalAmountRp: state.totalAmountRp,
              rc: outcome.rc,
              reason: outcome.reason,
              resolvedBy: outcome.resolvedBy,
            },
          },
        ],
      };
  }
}
