import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { CommandEnvelope, CommandReply, PayBillPayload } from '@koperasi/contracts';
import { PostgresEventStore, StreamVersionConflictError } from '@koperasi/eventstore';
import type { Pool } from 'pg';
import {
  IdempotentCommandExecutor,
  PG_POOL,
  accepted,
  badField,
  checkEnvelope,
  inTransaction,
  isUuid,
  refused,
} from '@koperasi/service-kit';
import { CatalogRepository } from '../../catalog/catalog.repository.js';
import { billpayErrorReply } from '../../commands/billpay-error-replies.js';
import { newRefId } from '../../commands/ref-id.js';
import { PaymentDispatcher } from '../../dispatch/payment-dispatcher.js';
import {
  customerNoProblem,
  decidePayBill,
  depositStreamId,
  emptyDeposit,
  noPayment,
  paymentStreamId,
  type DepositState,
  type PaymentQuote,
} from '../../domain/index.js';
import { BILLPAY_CONFIG, type BillpayConfig } from '../../infrastructure/billpay-config.js';
import type { PayBillResult } from './pay-bill-result.js';

interface InquiryRow {
  id: string;
  ref_id: string;
  product_code: string;
  customer_no: string;
  customer_name: string | null;
  period: string | null;
  segment_power: string | null;
  subscriber_id: string | null;
  bill_amount_rp: string;
  penalty_rp: string;
  admin_fee_rp: string;
  price_rp: string | null;
  expires_at: Date;
  payment_id: string | null;
}

/** A quote plus what the payments row shows that the event does not carry. */
interface Quoted {
  quote: PaymentQuote;
  productName: string;
  refId: string;
}

/**
 * Takes a bill payment: decides over the deposit and the payment, and in one transaction appends
 * BillPaymentRequested (the ref_id fixed), reserves the price from the deposit and keeps the reply. The
 * aggregator is called afterwards by the dispatcher, never from here, so a slow aggregator holds no
 * command partition.
 */
@Injectable()
export class PayBillHandler {
  private readonly resumeAfterMs: number;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(BILLPAY_CONFIG) config: BillpayConfig,
    private readonly store: PostgresEventStore,
    private readonly executor: IdempotentCommandExecutor,
    private readonly catalog: CatalogRepository,
    private readonly dispatcher: PaymentDispatcher,
  ) {
    this.resumeAfterMs = config.dispatch.resumeAfterMs;
  }

  async execute(envelope: CommandEnvelope<PayBillPayload>): Promise<CommandReply<PayBillResult>> {
    const invalid = checkEnvelope(envelope, 'not-auditor') ?? checkPayload(envelope);
    if (invalid) return invalid;
    return this.executor.execute(envelope.commandId, () => this.attempt(envelope));
  }

  private async attempt(
    envelope: CommandEnvelope<PayBillPayload>,
  ): Promise<CommandReply<PayBillResult>> {
    const { koperasiId } = envelope;
    const quoted = await this.quote(koperasiId, envelope.payload);
    if ('ok' in quoted) return quoted;
    const deposit = await this.deposit(koperasiId);
    const paymentId = randomUUID();
    const decision = decidePayBill(
      {
        type: 'PayBill',
        paymentId,
        refId: quoted.refId,
        quote: quoted.quote,
        tellerId: envelope.actor.userId,
        nowMs: Date.now(),
      },
      { payment: noPayment, deposit },
    );
    if (!decision.ok) return billpayErrorReply(decision.error);
    const requested = decision.events[0].data;
    const reply = accepted<PayBillResult>({
      paymentId,
      status: 'PROCESSING',
      refId: requested.refId,
    });
    await inTransaction(this.pool, async (tx) => {
      if (quoted.quote.inquiry) {
        const claimed = await tx.query(
          'UPDATE inquiries SET payment_id = $2 WHERE id = $1 AND payment_id IS NULL',
          [quoted.quote.inquiry.inquiryId, paymentId],
        );
        // Another counter paid this inquiry meanwhile; the retry's decision says so.
        if (claimed.rowCount !== 1)
          throw new StreamVersionConflictError(
            `inquiry-${quoted.quote.inquiry.inquiryId}`,
            0,
            null,
          );
      }
      const appended = await this.store.appendWithin(
        tx,
        paymentStreamId(paymentId),
        0,
        decision.events,
        {
          koperasiId,
          actor: envelope.actor.userId,
          correlationId: envelope.correlationId,
          causationId: envelope.commandId,
        },
      );
      // One statement for the rest, so the koperasi's deposit row is locked only from here to the commit: every
      // payment of the koperasi reserves from it. No reservation (the deposit changed since it was read): no
      // payment row, no reply, and the retry decides again on the new deposit.
      const { rows } = await tx.query<{ reserved: number }>(
        `WITH reserved AS (
           UPDATE deposits SET reserved_rp = reserved_rp + $15, updated_at = now()
           WHERE koperasi_id = $2 AND balance_rp - reserved_rp >= $15
           RETURNING koperasi_id
         ), payment AS (
           INSERT INTO payments (id, koperasi_id, ref_id, inquiry_id, product_code, product_name, product_kind, biller, customer_no,
             customer_name, period, bill_amount_rp, admin_fee_rp, total_amount_rp, quoted_price_rp, status, teller_id, correlation_id,
             created_at, stream_version, next_check_at, penalty_rp, segment_power, subscriber_id)
           SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 'PROCESSING', $16, $17, now(), $18,
             now() + $19 * interval '1 millisecond', $22, $23, $24
           FROM reserved
         ), reply AS (
           -- CommandResults' table, written here to save a round trip on the hottest path.
           INSERT INTO command_results (command_id, reply) SELECT $20, $21 FROM reserved
         )
         SELECT count(*)::int AS reserved FROM reserved`,
        [
          paymentId,
          koperasiId,
          requested.refId,
          quoted.quote.inquiry?.inquiryId ?? null,
          requested.productCode,
          quoted.productName,
          requested.productKind,
          requested.biller,
          requested.customerNo,
          requested.customerName ?? null,
          requested.period ?? null,
          requested.billAmountRp,
          requested.adminFeeRp,
          requested.totalAmountRp,
          requested.priceRp,
          requested.tellerId,
          envelope.correlationId,
          appended.nextExpectedVersion,
          this.resumeAfterMs,
          envelope.commandId,
          JSON.stringify(reply),
          requested.penaltyRp ?? 0,
          requested.segmentPower ?? null,
          requested.subscriberId ?? null,
        ],
      );
      if (rows[0].reserved !== 1)
        throw new StreamVersionConflictError(depositStreamId(koperasiId), 0, null);
    });
    this.dispatcher.dispatch({
      paymentId,
      mode: 'SEND',
      payment: {
        id: paymentId,
        ref_id: requested.refId,
        product_code: requested.productCode,
        customer_no: requested.customerNo,
        status: 'PROCESSING',
        check_attempts: 0,
      },
    });
    return reply;
  }

  private async deposit(koperasiId: string): Promise<DepositState> {
    const { rows } = await this.pool.query<{ balance_rp: string; reserved_rp: string }>(
      'SELECT balance_rp, reserved_rp FROM deposits WHERE koperasi_id = $1',
      [koperasiId],
    );
    return rows[0]
      ? { balanceRp: Number(rows[0].balance_rp), reservedRp: Number(rows[0].reserved_rp) }
      : emptyDeposit;
  }

  private async quote(
    koperasiId: string,
    payload: PayBillPayload,
  ): Promise<Quoted | CommandReply<never>> {
    if ('inquiryId' in payload) return this.quoteFromInquiry(koperasiId, payload.inquiryId);
    const product = await this.catalog.product(koperasiId, payload.productCode);
    if (!product)
      return refused(
        404,
        'PRODUCT_NOT_FOUND',
        `No product ${payload.productCode} in this koperasi's catalog`,
      );
    if (product.kind === 'POSTPAID') {
      return refused(
        422,
        'INQUIRY_REQUIRED',
        `${product.code} is a bill: make an inquiry first and pay it by inquiryId`,
        [{ field: 'inquiryId', message: 'required for postpaid products' }],
      );
    }
    const problem = customerNoProblem(product.customerNoRule, payload.customerNo);
    if (problem) return badField('customerNo', problem);
    return {
      quote: {
        productCode: product.code,
        productKind: product.kind,
        biller: product.biller,
        customerNo: payload.customerNo,
        billAmountRp: product.denominationRp as number,
        adminFeeRp: product.adminFeeRp,
        priceRp: product.priceRp,
        inquiry: null,
      },
      productName: product.name,
      refId: newRefId(),
    };
  }

  private async quoteFromInquiry(
    koperasiId: string,
    inquiryId: string,
  ): Promise<Quoted | CommandReply<never>> {
    const { rows } = await this.pool.query<InquiryRow>(
      `SELECT id, ref_id, product_code, customer_no, customer_name, period, segment_power, subscriber_id, bill_amount_rp, penalty_rp,
         admin_fee_rp, price_rp, expires_at, payment_id
       FROM inquiries WHERE id = $1 AND koperasi_id = $2`,
      [inquiryId, koperasiId],
    );
    const inquiry = rows[0];
    if (!inquiry)
      return refused(404, 'INQUIRY_NOT_FOUND', `No inquiry ${inquiryId} in this koperasi`);
    const product = await this.catalog.product(koperasiId, inquiry.product_code);
    if (!product)
      return refused(
        404,
        'PRODUCT_NOT_FOUND',
        `Product ${inquiry.product_code} is no longer in this koperasi's catalog`,
      );
    return {
      quote: {
        productCode: product.code,
        productKind: product.kind,
        biller: product.biller,
        customerNo: inquiry.customer_no,
        billAmountRp: Number(inquiry.bill_amount_rp),
        penaltyRp: Number(inquiry.penalty_rp),
        adminFeeRp: Number(inquiry.admin_fee_rp),
        details: {
          customerName: inquiry.customer_name,
          period: inquiry.period,
          segmentPower: inquiry.segment_power,
          subscriberId: inquiry.subscriber_id,
        },
        priceRp: inquiry.price_rp === null ? null : Number(inquiry.price_rp),
        inquiry: {
          inquiryId: inquiry.id,
          expiresAtMs: inquiry.expires_at.getTime(),
          usedByPaymentId: inquiry.payment_id,
        },
      },
      productName: product.name,
      refId: inquiry.ref_id,
    };
  }
}

function checkPayload(envelope: CommandEnvelope<PayBillPayload>): CommandReply<never> | null {
  if (!isUuid(envelope.koperasiId))
    return refused(403, 'FORBIDDEN', 'Bills are paid inside a koperasi');
  const payload = envelope.payload as Partial<{
    inquiryId: unknown;
    productCode: unknown;
    customerNo: unknown;
  }>;
  if (payload.inquiryId !== undefined) {
    if (payload.productCode !== undefined || payload.customerNo !== undefined) {
      return refused(
        400,
        'VALIDATION_FAILED',
        'Send either inquiryId, or productCode and customerNo, not both',
      );
    }
    return isUuid(payload.inquiryId)
      ? null
      : badField('inquiryId', 'must be the id of an inquiry (a UUID)');
  }
  if (typeof payload.productCode !== 'string' || !/^[A-Z0-9]{2,20}$/.test(payload.productCode)) {
    return badField('productCode', 'is required (e.g. PLN20) unless an inquiryId is given');
  }
  if (typeof payload.customerNo !== 'string' || payload.customerNo === '')
    return badField('customerNo', 'is required');
  return null;
}
