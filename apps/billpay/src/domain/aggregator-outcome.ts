import { AggregatorRc, type TransactionResult } from '@koperasi/contracts';

export type ResolvedBy = 'RESPONSE' | 'CALLBACK' | 'STATUS_CHECK';

/** What a successful answer may tell besides the money: the aggregator's transaction id and the biller's customer details. */
export interface SuccessDetails {
  partnerRef: string | null;
  customerName: string | null;
  subscriberId: string | null;
  segmentPower: string | null;
  /** PLN prepaid kWh, a decimal with a point ("32.5"). */
  kwh: string | null;
}

export const noSuccessDetails: SuccessDetails = {
  partnerRef: null,
  customerName: null,
  subscriberId: null,
  segmentPower: null,
  kwh: null,
};

/** What one answer from the aggregator (response, status check or callback) says about a payment. */
export type AggregatorOutcome =
  | {
      kind: 'SUCCESS';
      priceRp: number | null;
      serialNo: string | null;
      resolvedBy: ResolvedBy;
      details?: SuccessDetails;
    }
  | { kind: 'FAILED'; rc: string; reason: string; resolvedBy: ResolvedBy }
  | { kind: 'PENDING'; reason: string }
  /** Status check: the aggregator never received the transaction, so sending it with the same ref_id is safe. */
  | { kind: 'NOT_FOUND' }
  /** Transaction: the aggregator already has this ref_id; only a status check can say what became of it. */
  | { kind: 'DUPLICATE_REF' };

/**
 * Codes after which the aggregator did not and will not take the money. Everything else that is not a
 * success (timeouts, pending, codes we do not know) leaves the outcome unknown, and unknown is never refunded.
 */
const FINAL_FAILURE_RCS: ReadonlySet<string> = new Set([
  AggregatorRc.failed,
  AggregatorRc.billExpired,
  AggregatorRc.invalidSignature,
  AggregatorRc.depositTooLow,
  AggregatorRc.alreadyPaid,
  AggregatorRc.wrongCustomerNo,
  AggregatorRc.unknownProduct,
  AggregatorRc.billNotYetAvailable,
  AggregatorRc.plnCutOff,
]);

export function outcomeOf(
  result: Partial<TransactionResult> | null | undefined,
  resolvedBy: ResolvedBy,
): AggregatorOutcome {
  if (!result || typeof result.rc !== 'string')
    return { kind: 'PENDING', reason: 'the aggregator answered without a result code' };
  const { rc, status } = result;
  const message = typeof result.message === 'string' ? result.message : '';
  if (rc === AggregatorRc.transactionNotFound) return { kind: 'NOT_FOUND' };
  if (rc === AggregatorRc.duplicateRefId) return { kind: 'DUPLICATE_REF' };
  if (status === 'Sukses' && rc === AggregatorRc.success) {
    const priceRp =
      Number.isSafeInteger(result.price_rp) && (result.price_rp as number) > 0
        ? (result.price_rp as number)
        : null;
    const serialNo = textOf(result.sn, 100);
    return { kind: 'SUCCESS', priceRp, serialNo, resolvedBy, details: successDetailsOf(result) };
  }
  if (status === 'Gagal' && FINAL_FAILURE_RCS.has(rc)) {
    return { kind: 'FAILED', rc, reason: message || `failed with rc ${rc}`, resolvedBy };
  }
  return {
    kind: 'PENDING',
    reason: `status ${String(status)} rc ${rc}${message ? `: ${message}` : ''}`,
  };
}

/** The optional details of a success, each kept only when it is sensible text of a sane length. */
export function successDetailsOf(result: Partial<TransactionResult>): SuccessDetails {
  const kwh = textOf(result.kwh, 20);
  return {
    partnerRef: textOf(result.trx_id, 100),
    customerName: textOf(result.customer_name, 200),
    subscriberId: textOf(result.subscriber_id, 30),
    segmentPower: textOf(result.segment_power, 30),
    kwh: kwh !== null && /^\d{1,7}(\.\d{1,3})?$/.test(kwh) ? kwh : null,
  };
}

function textOf(value: unknown, maxLength: number): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text !== '' && text.length <= maxLength ? text : null;
}
