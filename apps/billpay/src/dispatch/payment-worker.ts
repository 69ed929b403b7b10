import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@koperasi/service-kit';
import { AggregatorClient } from '../aggregator/aggregator-client.js';
import { outcomeOf, type AggregatorOutcome } from '../domain/index.js';
import {
  BILLPAY_CONFIG,
  type BillpayConfig,
  type DispatchConfig,
} from '../infrastructure/billpay-config.js';
import { PaymentResolver, type ResolutionSource } from '../payments/payment-resolver.js';

/** SEND: we know no transaction call was made yet. CHECK: one may have been made; ask before sending. */
export type DispatchMode = 'SEND' | 'CHECK';

/** What the worker needs of a payment; the handler that just took it hands it over, saving a read. */
export interface DueRow {
  id: string;
  ref_id: string;
  product_code: string;
  customer_no: string;
  status: string;
  check_attempts: number;
}

const SOURCE: ResolutionSource = { actor: 'system:billpay-dispatcher', causationId: null };

/**
 * One step of a payment with the aggregator, always under the payment's own ref_id. An unknown outcome
 * (no answer, pending, an rc we do not know) becomes PENDING with a status check later; only the
 * aggregator's own "failed" fails a payment.
 */
@Injectable()
export class PaymentWorker {
  private readonly logger = new Logger(PaymentWorker.name);
  private readonly dispatch: DispatchConfig;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(BILLPAY_CONFIG) config: BillpayConfig,
    private readonly aggregator: AggregatorClient,
    private readonly resolver: PaymentResolver,
  ) {
    this.dispatch = config.dispatch;
  }

  async work(paymentId: string, mode: DispatchMode, known?: DueRow): Promise<void> {
    const payment = known ?? (await this.load(paymentId));
    if (!payment || payment.status === 'SUCCESS' || payment.status === 'FAILED') return;
    if (mode === 'SEND') await this.send(payment, true);
    else await this.check(payment);
  }

  private async load(paymentId: string): Promise<DueRow | undefined> {
    const { rows } = await this.pool.query<DueRow>(
      'SELECT id, ref_id, product_code, customer_no, status, check_attempts FROM payments WHERE id = $1',
      [paymentId],
    );
    return rows[0];
  }

  private async send(payment: DueRow, mayAskOnDuplicate: boolean): Promise<void> {
    const answer = await this.aggregator.transaction(
      payment.ref_id,
      payment.product_code,
      payment.customer_no,
    );
    if (!answer.ok)
      return this.stillUnknown(payment, `transaction: ${answer.failure} ${answer.detail}`);
    const outcome = outcomeOf(answer.body.data, 'RESPONSE');
    // The aggregator has this ref_id already (our earlier call got through after all): ask what became of it.
    if (outcome.kind === 'DUPLICATE_REF' && mayAskOnDuplicate) return this.check(payment);
    return this.record(payment, outcome, 'transaction');
  }

  private async check(payment: DueRow): Promise<void> {
    const answer = await this.aggregator.status(payment.ref_id);
    if (!answer.ok) return this.stillUnknown(payment, `status: ${answer.failure} ${answer.detail}`);
    const outcome = outcomeOf(answer.body.data, 'STATUS_CHECK');
    // Never received: sending now with the same ref_id cannot pay twice, since the aggregator refuses a reused one.
    if (outcome.kind === 'NOT_FOUND') return this.send(payment, false);
    return this.record(payment, outcome, 'status');
  }

  private async record(payment: DueRow, outcome: AggregatorOutcome, call: string): Promise<void> {
    if (outcome.kind === 'SUCCESS' || outcome.kind === 'FAILED') {
      await this.resolver.resolve({ paymentId: payment.id }, outcome, SOURCE);
      return;
    }
    const reason = outcome.kind === 'PENDING' ? outcome.reason : `${call}: ${outcome.kind}`;
    await this.stillUnknown(payment, reason);
  }

  private async stillUnknown(payment: DueRow, reason: string): Promise<void> {
    this.logger.log(`payment ${payment.id} (ref ${payment.ref_id}) pending: ${reason}`);
    await this.resolver.resolve(
      { paymentId: payment.id },
      { kind: 'PENDING', reason },
      SOURCE,
      this.backoffMs(payment.check_attempts),
    );
  }

  /** Doubling waits between status checks, capped, with jitter so a burst of pending payments spreads out. */
  private backoffMs(attempts: number): number {
    const { statusPollBaseMs, statusPollMaxMs } = this.dispatch;
    const waitMs = Math.min(statusPollMaxMs, statusPollBaseMs * 2 ** Math.min(attempts, 20));
    return waitMs * (0.75 + Math.random() * 0.5);
  }
}
