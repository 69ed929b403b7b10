import { Inject, Injectable } from '@nestjs/common';
import type { CommandEnvelope, CommandReply, RefundPaymentPayload } from '@koperasi/contracts';
import { PostgresEventStore } from '@koperasi/eventstore';
import type { Pool } from 'pg';
import {
  CommandResults,
  IdempotentCommandExecutor,
  PG_POOL,
  accepted,
  checkEnvelope,
  inTransaction,
  isUuid,
  refused,
} from '@koperasi/service-kit';
import { billpayErrorReply } from '../../commands/billpay-error-replies.js';
import { requireSupervisor } from '../../commands/require-supervisor.js';
import { decideRefund, paymentStreamId } from '../../domain/index.js';
import { PAYMENT_COLUMNS, paymentStateOf, type PaymentRow } from '../payment-row.js';

export interface RefundResult {
  paymentId: string;
  amountRp: number;
  refund: 'PAID';
  eventId: string;
}

/** A supervisor pays a FAILED payment's money back to the customer: BillPaymentRefunded, once. */
@Injectable()
export class RefundPaymentHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly results: CommandResults,
    private readonly executor: IdempotentCommandExecutor,
  ) {}

  async execute(
    envelope: CommandEnvelope<RefundPaymentPayload>,
  ): Promise<CommandReply<RefundResult>> {
    const invalid = checkEnvelope(envelope, 'not-auditor') ?? requireSupervisor(envelope);
    if (invalid) return invalid;
    const { paymentId } = envelope.payload;
    if (!isUuid(paymentId))
      return refused(404, 'PAYMENT_NOT_FOUND', `No payment ${String(paymentId)} in this koperasi`);
    return this.executor.execute(envelope.commandId, () =>
      inTransaction(this.pool, async (tx) => {
        const { rows } = await tx.query<PaymentRow>(
          `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE id = $1 AND koperasi_id = $2 FOR UPDATE`,
          [paymentId, envelope.koperasiId],
        );
        if (!rows[0])
          return refused(404, 'PAYMENT_NOT_FOUND', `No payment ${paymentId} in this koperasi`);
        const decision = decideRefund(
          { type: 'RefundPayment', supervisorId: envelope.actor.userId },
          paymentStateOf(rows[0]),
        );
        if (!decision.ok) return billpayErrorReply(decision.error);
        const appended = await this.store.appendWithin(
          tx,
          paymentStreamId(paymentId),
          rows[0].stream_version,
          decision.events,
          {
            koperasiId: envelope.koperasiId,
            actor: envelope.actor.userId,
            correlationId: envelope.correlationId,
            causationId: envelope.commandId,
          },
        );
        await tx.query(`UPDATE payments SET refund = 'PAID', stream_version = $2 WHERE id = $1`, [
          paymentId,
          appended.nextExpectedVersion,
        ]);
        const reply = accepted<RefundResult>({
          paymentId,
          amountRp: decision.events[0].data.amountRp,
          refund: 'PAID',
          eventId: appended.events[0].eventId,
        });
        await this.results.save(tx, envelope.commandId, reply);
        return reply;
      }),
    );
  }
}
