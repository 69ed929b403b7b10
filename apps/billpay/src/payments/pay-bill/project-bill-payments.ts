import { StreamVersionConflictError } from '@koperasi/eventstore';
import type { StateChange } from '@koperasi/service-kit';
import type { PoolClient } from 'pg';
import {
  depositStreamId,
  type BillPaymentRequested,
  type DepositState,
} from '../../domain/index.js';
import { LOCK_DEPOSITS_IN_ORDER } from '../project-resolutions.js';
import type { QuotedPayBill } from './pay-bill-order.js';

export type BillPaymentChange = StateChange<DepositState, BillPaymentRequested, QuotedPayBill>;

/**
 * The batch's payments: each claims its inquiry, reserves its price from its koperasi's deposit (one sum per
 * koperasi) and gets its payments row. The deposit rows are locked only from here to the commit: every payment
 * of a koperasi reserves from its row. An inquiry paid, or a deposit that no longer covers the sum, since they
 * were read throws StreamVersionConflictError: nothing is kept, and the payments are decided again.
 */
export async function projectBillPayments(
  tx: PoolClient,
  changes: BillPaymentChange[],
  resumeAfterMs: number,
): Promise<void> {
  if (changes.length === 0) return;
  const inquiries = changes.flatMap(({ command }) =>
    command.quote.inquiry ? [[command.quote.inquiry.inquiryId, command.paymentId]] : [],
  );
  if (inquiries.length > 0) {
    const claimed = await tx.query(
      `UPDATE inquiries i SET payment_id = c.payment_id
       FROM unnest($1::uuid[], $2::uuid[]) AS c(id, payment_id)
       WHERE i.id = c.id AND i.payment_id IS NULL`,
      [inquiries.map(([id]) => id), inquiries.map(([, paymentId]) => paymentId)],
    );
    if (claimed.rowCount !== inquiries.length)
      throw new StreamVersionConflictError(`inquiry-${inquiries[0][0]}`, 0, null);
  }
  const reservedRp = new Map<string, number>();
  for (const { envelope, events } of changes)
    reservedRp.set(
      envelope.koperasiId,
      (reservedRp.get(envelope.koperasiId) ?? 0) + events[0].data.priceRp,
    );
  const { rows } = await tx.query<{ reserved: number }>(
    `WITH locked AS (${LOCK_DEPOSITS_IN_ORDER}), reserved AS (
       UPDATE deposits d SET reserved_rp = d.reserved_rp + r.price_rp, updated_at = now()
       FROM unnest($1::uuid[], $2::bigint[]) AS r(koperasi_id, price_rp)
       WHERE d.koperasi_id = r.koperasi_id AND d.koperasi_id IN (SELECT koperasi_id FROM locked)
         AND d.balance_rp - d.reserved_rp >= r.price_rp
       RETURNING d.koperasi_id
     ), payment AS (
       INSERT INTO payments (id, koperasi_id, ref_id, inquiry_id, product_code, product_name, product_kind, biller,
         customer_no, customer_name, period, bill_amount_rp, admin_fee_rp, total_amount_rp, quoted_price_rp, status,
         teller_id, correlation_id, created_at, stream_version, next_check_at, penalty_rp, segment_power, subscriber_id)
       SELECT p.id, p.koperasi_id, p.ref_id, p.inquiry_id, p.product_code, p.product_name, p.product_kind, p.biller,
         p.customer_no, p.customer_name, p.period, p.bill_amount_rp, p.admin_fee_rp, p.total_amount_rp, p.price_rp,
         'PROCESSING', p.teller_id, p.correlation_id, now(), p.stream_version,
         now() + $4 * interval '1 millisecond', p.penalty_rp, p.segment_power, p.subscriber_id
       FROM jsonb_to_recordset($3::jsonb) AS p(id uuid, koperasi_id uuid, ref_id text, inquiry_id uuid,
         product_code text, product_name text, product_kind text, biller text, customer_no text, customer_name text,
         period text, bill_amount_rp bigint, admin_fee_rp bigint, total_amount_rp bigint, price_rp bigint,
         teller_id text, correlation_id text, stream_version integer, penalty_rp bigint, segment_power text,
         subscriber_id text)
       WHERE p.koperasi_id IN (SELECT koperasi_id FROM reserved)
     )
     SELECT count(*)::int AS reserved FROM reserved`,
    [
      [...reservedRp.keys()],
      [...reservedRp.values()],
      JSON.stringify(changes.map(paymentRowOf)),
      resumeAfterMs,
    ],
  );
  if (rows[0].reserved !== reservedRp.size)
    throw new StreamVersionConflictError(depositStreamId(changes[0].envelope.koperasiId), 0, null);
}

function paymentRowOf({ envelope, command, events, appended }: BillPaymentChange) {
  const { data } = events[0];
  return {
    id: data.paymentId,
    koperasi_id: envelope.koperasiId,
    ref_id: data.refId,
    inquiry_id: command.quote.inquiry?.inquiryId ?? null,
    product_code: data.productCode,
    product_name: command.productName,
    product_kind: data.productKind,
    biller: data.biller,
    customer_no: data.customerNo,
    customer_name: data.customerName ?? null,
    period: data.period ?? null,
    bill_amount_rp: data.billAmountRp,
    admin_fee_rp: data.adminFeeRp,
    total_amount_rp: data.totalAmountRp,
    price_rp: data.priceRp,
    teller_id: data.tellerId,
    correlation_id: envelope.correlationId,
    stream_version: appended[appended.length - 1].streamVersion,
    penalty_rp: data.penaltyRp ?? 0,
    segment_power: data.segmentPower ?? null,
    subscriber_id: data.subscriberId ?? null,
  };
}
