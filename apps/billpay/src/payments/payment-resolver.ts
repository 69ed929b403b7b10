import { Inject, Injectable, Logger } from '@nestjs/common';
import { PostgresEventStore } from '@koperasi/eventstore';
import type { Pool, PoolClient } from 'pg';
import { PG_POOL, inTransaction } from '@koperasi/service-kit';
import {
  decideOutcome,
  evolveDeposit,
  paymentStreamId,
  type AggregatorOutcome,
  type PaymentEvent,
  type PaymentState,
} from '../domain/index.js';
import { foldPayment } from './payment-fold.js';
import { PAYMENT_COLUMNS, type PaymentRow } from './payment-row.js';
import { PaymentOutcomes } from './payment-outcomes.js';

export type Resolution = Extract<AggregatorOutcome, { kind: 'SUCCESS' | 'FAILED' | 'PENDING' }>;

export type ResolutionResult = 'APPLIED' | 'UNCHANGED' | 'CONTRADICTS' | 'UNKNOWN_PAYMENT';

export interface ResolutionSource {
  /** Recorded as the events' actor. */
  actor: string;
  causationId: string | null;
}

/**
 * Records what the aggregator said about a payment, from whichever path heard it first (response, status
 * check, callback), decided on the payment's events. The payment row is locked for the decision, so two paths
 * never both apply an outcome.
 */
@Injectable()
export class PaymentResolver {
  private readonly logger = new Logger(PaymentResolver.name);

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly outcomes: PaymentOutcomes,
  ) {}

  /** `nextCheckInMs`: when a payment left unresolved should be asked about again. */
  async resolve(
    where: { paymentId: string } | { refId: string },
    outcome: Resolution,
    source: ResolutionSource,
    nextCheckInMs?: number,
  ): Promise<{ result: ResolutionResult; paymentId: string | null }> {
    const decided = await inTransaction(this.pool, async (tx) => {
      const { rows } = await tx.query<PaymentRow>(
        'paymentId' in where
          ? `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE id = $1 FOR UPDATE`
          : `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE ref_id = $1 FOR UPDATE`,
        ['paymentId' in where ? where.paymentId : where.refId],
      );
      const row = rows[0];
      if (!row) return { result: 'UNKNOWN_PAYMENT' as const, paymentId: null };
      // The row is locked so two paths never decide at once; what they decide on is the payment's events.
      const history = await this.store.readStream(paymentStreamId(row.id));
      const state = foldPayment(history).payment;
      const decision = decideOutcome(state, outcome);
      if (decision.kind === 'CONTRADICTS') {
        this.logger.error(
          `CONTRADICTING OUTCOME, not applied: ${decision.message} (${JSON.stringify(outcome)}); reconcile by hand`,
        );
        return { result: 'CONTRADICTS' as const, paymentId: row.id };
      }
      if (decision.kind === 'UNCHANGED') {
        if (nextCheckInMs !== undefined && outcome.kind === 'PENDING')
          await scheduleCheck(tx, row.id, nextCheckInMs);
        return { result: 'UNCHANGED' as const, paymentId: row.id };
      }
      const appended = await this.store.appendWithin(
        tx,
        paymentStreamId(row.id),
        history.length,
        decision.events,
        {
          koperasiId: row.koperasi_id,
          actor: source.actor,
          correlationId: row.correlation_id,
          causationId: source.causationId,
        },
      );
      await projectResolution(
        tx,
        row,
        state,
        decision.events,
        appended.nextExpectedVersion,
        nextCheckInMs,
      );
      return { result: 'APPLIED' as const, paymentId: row.id };
    });
    if (decided.result === 'APPLIED' && decided.paymentId) this.outcomes.notify(decided.paymentId);
    return decided;
  }
}

async function scheduleCheck(tx: PoolClient, paymentId: string, inMs: number): Promise<void> {
  await tx.query(
    `UPDATE payments SET next_check_at = now() + $2 * interval '1 millisecond', check_attempts = check_attempts + 1 WHERE id = $1`,
    [paymentId, Math.round(inMs)],
  );
}

/**
 * The payments row and the deposit after the outcome, in one statement. A resolution appends exactly one
 * event; the deposit moves only on success (debit the price, release the reservation) and failure (release).
 */
async function projectResolution(
  tx: PoolClient,
  row: PaymentRow,
  before: PaymentState,
  events: PaymentEvent[],
  version: number,
  nextCheckInMs: number | undefined,
): Promise<void> {
  if (events.length !== 1) throw new Error(`a resolution appends one event, not ${events.length}`);
  const [event] = events;
  const delta = evolveDeposit({ balanceRp: 0, reservedRp: 0 }, before, event);
  const moveDeposit = `UPDATE deposits SET balance_rp = balance_rp + $2, reserved_rp = reserved_rp + $3, updated_at = now()
    WHERE koperasi_id = (SELECT koperasi_id FROM paid)`;
  switch (event.type) {
    case 'BillPaymentPending':
      await tx.query(
        `UPDATE payments SET status = 'PENDING', stream_version = $2,
           next_check_at = now() + $3 * interval '1 millisecond', check_attempts = check_attempts + 1
         WHERE id = $1`,
        [row.id, version, Math.round(nextCheckInMs ?? 0)],
      );
      return;
    case 'BillPaymentSucceeded':
      await tx.query(
        `WITH paid AS (
           UPDATE payments SET status = 'SUCCESS', price_rp = $4, serial_no = $5, resolved_by = $6, resolved_at = now(),
             stream_version = $7, next_check_at = NULL, partner_ref = $8, kwh = $9,
             -- The inquiry's details stand; a payment without an inquiry takes the aggregator's.
             customer_name = COALESCE(customer_name, $10), subscriber_id = COALESCE(subscriber_id, $11),
             segment_power = COALESCE(segment_power, $12)
           WHERE id = $1 RETURNING koperasi_id
         ) ${moveDeposit}`,
        [
          row.id,
          delta.balanceRp,
          delta.reservedRp,
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
        `WITH paid AS (
           UPDATE payments SET status = 'FAILED', refund = 'OWED', failure_rc = $4, failure_reason = $5, resolved_by = $6,
             resolved_at = now(), stream_version = $7, next_check_at = NULL
           WHERE id = $1 RETURNING koperasi_id
         ) ${moveDeposit}`,
        [
          row.id,
          delta.balanceRp,
          delta.reservedRp,
          event.data.rc,
          event.data.reason,
          event.data.resolvedBy,
          version,
        ],
      );
      return;
    default:
      throw new Error(`a resolution does not append ${event.type}`);
  }
}
