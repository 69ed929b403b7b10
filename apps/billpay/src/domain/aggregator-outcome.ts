import { AggregatorRc, type TransactionResult } from '@koperasi/contracts';

export type ResolvedBy = 'RESPONSE' | 'CALLBACK' | 'STATUS_CHECK';

/** What one answer from the aggregator (response, status check or callback) says about a payment. */
export type AggregatorOutcome =
  | { kind: 'SUCCESS'; priceRp: number | null; serialNo: string | null; resolvedBy: ResolvedBy }
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

export function outcomeOf(result: Partial<TransactionResult> | null | undefined, resolvedBy: ResolvedBy): AggregatorOutcome {
  if (!result || typeof result.rc !== 'string') return { kind: 'PENDING', reason: 'the aggregator answered without a result code' };
  const { rc, status } = result;
  const message = typeof result.message === 'string' ? result.message : '';
  if (rc === AggregatorRc.transactionNotFound) return { kind: 'NOT_FOUND' };
  if (rc === AggregatorRc.duplicateRefId) return { kind: 'DUPLICATE_REF' };
  if (status === 'Sukses' && rc === AggregatorRc.success) {
    const priceRp = Number.isSafeInteger(result.price_rp) && (result.price_rp as number) > 0 ? (result.price_rp as number) : null;
    const serialNo = typeof result.sn === 'string' && result.sn !== '' ? result.sn : null;
    return { kind: 'SUCCESS', priceRp, serialNo, resolvedBy };
  }
  if (status === 'Gagal' && FINAL_FAILURE_RCS.has(rc)) {
    return { kind: 'FAILED', rc, reason: message || `failed with rc ${rc}`, resolvedBy };
  }
  return { kind: 'PENDING', reason: `status ${String(status)} rc ${rc}${message ? `: ${message}` : ''}` };
}
