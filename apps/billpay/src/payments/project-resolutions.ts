import type { PoolClient } from 'pg';
import type { PaymentEvent } from '../domain/index.js';

/** One event of a resolution with the payments row it lands on and the stream version it leaves. */
export interface ResolvedEvent {
  paymentId: string;
  event: PaymentEvent;
  version: number;
  nextCheckInMs: number | undefined;
}

/**
 * Locks the deposits of koperasi $1 in koperasi order before a statement moves them. Every statement that moves
 * several deposits at once takes them this way (a batch of payments, a batch of outcomes), so two of them
 * never wait on each other in a circle.
 */
export const LOCK_DEPOSITS_IN_ORDER = `SELECT koperasi_id FROM deposits WHERE koperasi_id = ANY($1::uuid[])
  ORDER BY koperasi_id FOR UPDATE`;

/** What one batch of resolutions does to each koperasi's PPOB deposit. */
export type DepositMoves = Map<string, { balanceRp: number; reservedRp: number }>;

/**
 * The payments rows after a batch's events, in the order they were decided (a payment resolved twice in one
 * batch takes both), then each koperasi's deposit once (LOCK_DEPOSITS_IN_ORDER).
 */
export async function projectResolutions(
  tx: PoolClient,
  resolved: ResolvedEvent[],
  depositMoves: DepositMoves,
): Promise<void> {
  for (const { paymentId, event, version, nextCheckInMs } of resolved)
    await projectPaymentRow(tx, paymentId, event, version, nextCheckInMs);
  const moves = [...depositMoves].filter(
    ([, move]) => move.balanceRp !== 0 || move.reservedRp !== 0,
  );
  if (moves.length === 0) return;
  await tx.query(
    `WITH locked AS (${LOCK_DEPOSITS_IN_ORDER})
     UPDATE deposits d SET balance_rp = d.balance_rp + m.balance_rp, reserved_rp = d.reserved_rp + m.reserved_rp,
       updated_at = now()
     FROM unnest($1::uuid[], $2::bigint[], $3::bigint[]) AS m (koperasi_id, balance_rp, reserved_rp)
     WHERE d.koperasi_id = m.koperasi_id AND d.koperasi_id IN (SELECT koperasi_id FROM locked)`,
    [
      moves.map(([koperasiId]) => koperasiId),
      moves.map(([, move]) => move.balanceRp),
      moves.map(([, move]) => move.reservedRp),
    ],
  );
}

/** A payment left unresolved is asked about again after `inMs`. */
export async function scheduleCheck(
  tx: PoolClient,
  paymentId: string,
  inMs: number,
): Promise<void> {
  await tx.query(
    `UPDATE payments SET next_check_at = now() + $2 * interval '1 millisecond', check_attempts = check_attempts + 1 WHERE id = $1`,
    [paymentId, Math.round(inMs)],
  );
}

async function projectPaymentRow(
  tx: PoolClient,
  paymentId: string,
  event: PaymentEvent,
  version: number,
  nextCheckInMs: number | undefined,
): Promise<void> {
  switch (event.type) {
    case 'BillPaymentPending':
      await tx.query(
        `UPDATE payments SET status = 'PENDING', stream_version = $2,
           next_check_at = now() + $3 * interval '1 millisecond', check_attempts = check_attempts + 1
         WHERE id = $1`,
        [paymentId, version, Math.round(nextCheckInMs ?? 0)],
      );
      return;
    case 'BillPaymentSucceeded':
      await tx.query(
        `UPDATE payments SET status = 'SUCCESS', price_rp = $2, serial_no = $3, resolved_by = $4, resolved_at = now(),
           stream_version = $5, next_check_at = NULL, partner_ref = $6, kwh = $7,
           -- The inquiry's details stand; a payment without an inquiry takes the aggregator's.
           customer_name = COALESCE(customer_name, $8), subscriber_id = COALESCE(subscriber_id, $9),
           segment_power = COALESCE(segment_power, $10)
         WHERE id = $1`,
        [
          paymentId,
          event.data.priceRp,
          event.data.serialNo,
          event.data.resolvedBy,
          version,
          event.data.partnerRef ?? null,
          event.data.kwh ?? null,
          event.data.customerName ?? null,
          event.data.subscriberId ?? null,
          event.data.segmentPower ?? null,
        ],
      );
      return;
    case 'BillPaymentFailed':
      await tx.query(
        `UPDATE payments SET status = 'FAILED', refund = 'OWED', failure_rc = $2, failure_reason = $3, resolved_by = $4,
           resolved_at = now(), stream_version = $5, next_check_at = NULL
         WHERE id = $1`,
        [paymentId, event.data.rc, event.data.reason, event.data.resolvedBy, version],
      );
      return;
    default:
      throw new Error(`a resolution does not append ${event.type}`);
  }
}
