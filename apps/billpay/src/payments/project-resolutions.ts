import type { CombinedWrite } from '@koperasi/database';
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
 * The payments rows after a batch's events and each koperasi's deposit once (LOCK_DEPOSITS_IN_ORDER), added to
 * `write`, which sends them with the events in one statement. A payment resolved twice in one batch (pending,
 * then its callback) cannot have both rows changed in one statement: its later events run on `tx` after it.
 */
export async function projectResolutions(
  tx: PoolClient,
  write: CombinedWrite,
  resolved: ResolvedEvent[],
  depositMoves: DepositMoves,
): Promise<void> {
  const rounds = roundsOf(resolved);
  addPaymentRows(write, rounds[0] ?? []);
  const moves = [...depositMoves].filter(
    ([, move]) => move.balanceRp !== 0 || move.reservedRp !== 0,
  );
  if (moves.length > 0)
    write.add(
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
  await write.run(tx);
  for (const round of rounds.slice(1)) {
    addPaymentRows(write, round);
    await write.run(tx);
  }
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

/** The events in rounds where each payment has at most one, in the order they were decided. */
function roundsOf(resolved: ResolvedEvent[]): ResolvedEvent[][] {
  const rounds: ResolvedEvent[][] = [];
  const seen = new Map<string, number>();
  for (const item of resolved) {
    const round = seen.get(item.paymentId) ?? 0;
    seen.set(item.paymentId, round + 1);
    (rounds[round] ??= []).push(item);
  }
  return rounds;
}

/** One statement per kind of outcome, each payment's row at most once. */
function addPaymentRows(write: CombinedWrite, round: ResolvedEvent[]): void {
  const pending: Record<string, unknown>[] = [];
  const succeeded: Record<string, unknown>[] = [];
  const failed: Record<string, unknown>[] = [];
  for (const { paymentId: id, event, version, nextCheckInMs } of round) {
    switch (event.type) {
      case 'BillPaymentPending':
        pending.push({ id, version, next_check_ms: Math.round(nextCheckInMs ?? 0) });
        break;
      case 'BillPaymentSucceeded':
        succeeded.push({
          id,
          version,
          price_rp: event.data.priceRp,
          serial_no: event.data.serialNo,
          resolved_by: event.data.resolvedBy,
          partner_ref: event.data.partnerRef ?? null,
          kwh: event.data.kwh ?? null,
          customer_name: event.data.customerName ?? null,
          subscriber_id: event.data.subscriberId ?? null,
          segment_power: event.data.segmentPower ?? null,
        });
        break;
      case 'BillPaymentFailed':
        failed.push({
          id,
          version,
          rc: event.data.rc,
          reason: event.data.reason,
          resolved_by: event.data.resolvedBy,
        });
        break;
      default:
        throw new Error(`a resolution does not append ${event.type}`);
    }
  }
  if (pending.length > 0)
    write.add(
      `UPDATE payments p SET status = 'PENDING', stream_version = r.version,
         next_check_at = now() + r.next_check_ms * interval '1 millisecond', check_attempts = p.check_attempts + 1
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, version integer, next_check_ms bigint)
       WHERE p.id = r.id`,
      [JSON.stringify(pending)],
    );
  // The inquiry's details stand; a payment without an inquiry takes the aggregator's.
  if (succeeded.length > 0)
    write.add(
      `UPDATE payments p SET status = 'SUCCESS', price_rp = r.price_rp, serial_no = r.serial_no,
         resolved_by = r.resolved_by, resolved_at = now(), stream_version = r.version, next_check_at = NULL,
         partner_ref = r.partner_ref, kwh = r.kwh,
         customer_name = COALESCE(p.customer_name, r.customer_name),
         subscriber_id = COALESCE(p.subscriber_id, r.subscriber_id),
         segment_power = COALESCE(p.segment_power, r.segment_power)
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, version integer, price_rp bigint, serial_no text,
         resolved_by text, partner_ref text, kwh text, customer_name text, subscriber_id text, segment_power text)
       WHERE p.id = r.id`,
      [JSON.stringify(succeeded)],
    );
  if (failed.length > 0)
    write.add(
      `UPDATE payments p SET status = 'FAILED', refund = 'OWED', failure_rc = r.rc, failure_reason = r.reason,
         resolved_by = r.resolved_by, resolved_at = now(), stream_version = r.version, next_check_at = NULL
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, version integer, rc text, reason text, resolved_by text)
       WHERE p.id = r.id`,
      [JSON.stringify(failed)],
    );
}
