import type { AggregatorStatementLine, PaymentStatus } from '@koperasi/contracts';

/** What our books say moved through the deposit, per reference: a payment's ref_id or a top-up's transfer ref. */
export interface OurMovement {
  ref: string;
  kind: 'PAYMENT' | 'TOPUP';
  /** Signed: a debit is negative. A failed or unresolved payment has booked no debit (0). */
  netRp: number;
  status: PaymentStatus | null;
}

export interface ReconciliationDifference {
  kind: 'MISSING_ON_OUR_SIDE' | 'MISSING_ON_THEIR_SIDE' | 'AMOUNT_MISMATCH';
  ref: string;
  oursRp: number | null;
  theirsRp: number | null;
  /** Our payment's status where it explains the difference (a PENDING payment is debited there, not booked here). */
  ourStatus: PaymentStatus | null;
}

export interface Reconciled {
  differences: ReconciliationDifference[];
  matched: number;
  /** The net of the statement's lines that are this koperasi's (every line not another koperasi's), signed. */
  theirMovementRp: number;
}

/**
 * Compares our movements of a day with the aggregator's statement lines of that day, reference by reference
 * (a pending payment that failed appears there as a DEBIT and a REFUND: their net is compared). `isOthers`
 * tells payments and top-ups of other koperasi on the same aggregator account, which are not this koperasi's
 * differences nor its movement.
 */
export function reconcile(
  ours: OurMovement[],
  theirs: AggregatorStatementLine[],
  isOthers: (kind: OurMovement['kind'], ref: string) => boolean,
): Reconciled {
  const theirNet = new Map<string, number>();
  let theirMovementRp = 0;
  for (const line of theirs) {
    const kind = line.type === 'TOPUP' ? 'TOPUP' : 'PAYMENT';
    if (isOthers(kind, line.ref_id)) continue;
    const netRp = line.type === 'DEBIT' ? -line.amount_rp : line.amount_rp;
    const key = `${kind}:${line.ref_id}`;
    theirNet.set(key, (theirNet.get(key) ?? 0) + netRp);
    theirMovementRp += netRp;
  }
  const differences: ReconciliationDifference[] = [];
  let matched = 0;
  for (const movement of ours) {
    const key = `${movement.kind}:${movement.ref}`;
    const theirsRp = theirNet.get(key);
    theirNet.delete(key);
    if (theirsRp === undefined) {
      // Nothing booked and nothing debited (a payment refused at once) is no difference.
      if (movement.netRp === 0) matched += 1;
      else
        differences.push({
          kind: 'MISSING_ON_THEIR_SIDE',
          ref: movement.ref,
          oursRp: movement.netRp,
          theirsRp: null,
          ourStatus: movement.status,
        });
    } else if (theirsRp !== movement.netRp) {
      differences.push({
        kind: 'AMOUNT_MISMATCH',
        ref: movement.ref,
        oursRp: movement.netRp,
        theirsRp,
        ourStatus: movement.status,
      });
    } else matched += 1;
  }
  for (const [key, theirsRp] of theirNet) {
    differences.push({
      kind: 'MISSING_ON_OUR_SIDE',
      ref: key.slice(key.indexOf(':') + 1),
      oursRp: null,
      theirsRp,
      ourStatus: null,
    });
  }
  return { differences, matched, theirMovementRp };
}
