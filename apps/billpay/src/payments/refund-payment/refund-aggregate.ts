import type { PostgresEventStore } from '@koperasi/eventstore';
import { isUuid, refused, type BatchAggregate, type LoadedState } from '@koperasi/service-kit';
import { billpayErrorReply } from '../../commands/billpay-error-replies.js';
import { requireSupervisor } from '../../commands/require-supervisor.js';
import {
  decideRefund,
  evolvePayment,
  noPayment,
  paymentStreamId,
  type BillPaymentRefunded,
  type RefundPayment,
} from '../../domain/index.js';
import { foldPayment, type PaymentFold } from '../payment-fold.js';

export interface RefundResult {
  paymentId: string;
  amountRp: number;
  refund: 'PAID';
  eventId: string;
}

/** Refunds, for the batch handler: a payment's state folded from its stream, a handful of events. */
export function refundAggregate(
  store: PostgresEventStore,
): BatchAggregate<PaymentFold, RefundPayment, BillPaymentRefunded> {
  return {
    decide: (command, fold) => decideRefund(command, fold.payment),
    evolve: (fold, event) => ({ ...fold, payment: evolvePayment(fold.payment, event) }),
    target: (envelope) => {
      const notSupervisor = requireSupervisor(envelope);
      if (notSupervisor) return notSupervisor;
      const { paymentId } = envelope.payload;
      if (!isUuid(paymentId))
        return refused(
          404,
          'PAYMENT_NOT_FOUND',
          `No payment ${String(paymentId)} in this koperasi`,
        );
      return { streamId: paymentStreamId(paymentId), aggregateId: paymentId };
    },
    load: async (_pool, targets) => {
      const loaded = new Map<string, LoadedState<PaymentFold>>();
      for (const { streamId } of targets) {
        const history = await store.readStream(streamId);
        loaded.set(streamId, { state: foldPayment(history), version: history.length });
      }
      return loaded;
    },
    refuseAccess: (fold, envelope) =>
      fold.payment === noPayment || fold.koperasiId !== envelope.koperasiId
        ? refused(
            404,
            'PAYMENT_NOT_FOUND',
            `No payment ${(envelope.payload as { paymentId: string }).paymentId} in this koperasi`,
          )
        : null,
    refusal: (error) => billpayErrorReply(error as Parameters<typeof billpayErrorReply>[0]),
    project: async (tx, changes) => {
      if (changes.length === 0) return;
      await tx.query(
        `UPDATE payments p SET refund = 'PAID', stream_version = r.version
         FROM unnest($1::uuid[], $2::int[]) AS r(id, version) WHERE p.id = r.id`,
        [
          changes.map(({ target }) => target.aggregateId),
          changes.map(({ appended }) => appended[appended.length - 1].streamVersion),
        ],
      );
    },
    reply: ({ target, events, appended }): RefundResult => ({
      paymentId: target.aggregateId,
      amountRp: events[0].data.amountRp,
      refund: 'PAID',
      eventId: appended[0].eventId,
    }),
  };
}
