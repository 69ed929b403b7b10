import { isUuid, refused, type BatchAggregate } from '@koperasi/service-kit';
import type { Pool } from 'pg';
import type { CatalogRepository } from '../../catalog/catalog.repository.js';
import { billpayErrorReply } from '../../commands/billpay-error-replies.js';
import { loadDeposits } from '../../deposit/load-deposits.js';
import type { PaymentDispatcher } from '../../dispatch/payment-dispatcher.js';
import {
  decidePayBill,
  depositStreamId,
  evolveDeposit,
  evolvePayment,
  noPayment,
  paymentStreamId,
  type BillPaymentRequested,
  type DepositState,
} from '../../domain/index.js';
import type { PayBillResult } from './pay-bill-result.js';
import type { PayBillOrder, QuotedPayBill } from './pay-bill-order.js';
import { projectBillPayments } from './project-bill-payments.js';
import { quotePayBills } from './quote-pay-bills.js';

/**
 * Bill payments, for the batch handler: each is a new payment stream (its state the empty fold), decided on
 * its koperasi's deposit, so a koperasi's payments in a batch are decided in turn, each on the reservations
 * of those before it. The deposit's state is its row, which every event that moves it updates in the
 * event's transaction: folding a koperasi's every payment for each command would grow without bound. The
 * aggregator is called by the dispatcher once the batch commits, never from here.
 */
export function payBillAggregate(
  pool: Pool,
  catalog: CatalogRepository,
  dispatcher: PaymentDispatcher,
  resumeAfterMs: number,
): BatchAggregate<DepositState, PayBillOrder, BillPaymentRequested, QuotedPayBill> {
  return {
    decide: (command, deposit) => decidePayBill(command, { payment: noPayment, deposit }),
    evolve: (deposit, event) => evolveDeposit(deposit, noPayment, event),
    target: ({ koperasiId }, order) =>
      isUuid(koperasiId)
        ? {
            streamId: paymentStreamId(order.paymentId),
            aggregateId: order.paymentId,
            stateKey: depositStreamId(koperasiId),
          }
        : refused(403, 'FORBIDDEN', 'Bills are paid inside a koperasi'),
    load: (_pool, targets) =>
      loadDeposits(
        pool,
        targets.map(({ stateKey }) => stateKey!.slice('deposit-'.length)),
      ),
    prepare: (orders) => quotePayBills(pool, catalog, orders),
    refusal: (error) => billpayErrorReply(error as Parameters<typeof billpayErrorReply>[0]),
    project: (tx, changes) => projectBillPayments(tx, changes, resumeAfterMs),
    reply: ({ events }): PayBillResult => {
      const payment = events.reduce(evolvePayment, noPayment);
      return { paymentId: payment.paymentId, status: 'PROCESSING', refId: payment.refId };
    },
    committed: (changes) => {
      for (const { events } of changes) {
        const { data } = events[0];
        dispatcher.dispatch({
          paymentId: data.paymentId,
          mode: 'SEND',
          payment: {
            id: data.paymentId,
            ref_id: data.refId,
            product_code: data.productCode,
            customer_no: data.customerNo,
            status: 'PROCESSING',
            check_attempts: 0,
          },
        });
      }
    },
  };
}
