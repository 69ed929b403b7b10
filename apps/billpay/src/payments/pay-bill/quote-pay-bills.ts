import type { CommandReply, PayBillPayload } from '@koperasi/contracts';
import { badField, refused, type Enveloped } from '@koperasi/service-kit';
import type { Pool } from 'pg';
import type { CatalogRepository } from '../../catalog/catalog.repository.js';
import { newRefId } from '../../commands/ref-id.js';
import { customerNoProblem } from '../../domain/index.js';
import type { PayBillOrder, QuotedPayBill } from './pay-bill-order.js';

interface InquiryRow {
  id: string;
  koperasi_id: string;
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

/**
 * Quotes each order from the koperasi's catalog and price list, or from its inquiry (the batch's inquiries
 * in one query), as of now: an inquiry another order paid meanwhile shows its payment.
 */
export async function quotePayBills(
  pool: Pool,
  catalog: CatalogRepository,
  orders: Enveloped<PayBillOrder>[],
): Promise<(QuotedPayBill | CommandReply<never>)[]> {
  const inquiryIds = orders.flatMap(({ command }) =>
    'inquiryId' in command.payload ? [command.payload.inquiryId] : [],
  );
  const inquiries = await inquiriesById(pool, inquiryIds);
  const nowMs = Date.now();
  return Promise.all(
    orders.map(async ({ envelope, command }) => {
      const { payload } = command;
      const quoted =
        'inquiryId' in payload
          ? await fromInquiry(catalog, envelope.koperasiId, payload.inquiryId, inquiries)
          : await fromCatalog(catalog, envelope.koperasiId, payload);
      if ('ok' in quoted) return quoted;
      return {
        type: 'PayBill',
        paymentId: command.paymentId,
        tellerId: command.tellerId,
        nowMs,
        ...quoted,
      } satisfies QuotedPayBill;
    }),
  );
}

type Quote = Pick<QuotedPayBill, 'quote' | 'productName' | 'refId'>;

async function inquiriesById(pool: Pool, ids: string[]): Promise<Map<string, InquiryRow>> {
  if (ids.length === 0) return new Map();
  const { rows } = await pool.query<InquiryRow>(
    `SELECT id, koperasi_id, ref_id, product_code, customer_no, customer_name, period, segment_power, subscriber_id,
       bill_amount_rp, penalty_rp, admin_fee_rp, price_rp, expires_at, payment_id
     FROM inquiries WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

async function fromCatalog(
  catalog: CatalogRepository,
  koperasiId: string,
  payload: Extract<PayBillPayload, { productCode: string }>,
): Promise<Quote | CommandReply<never>> {
  const product = await catalog.product(koperasiId, payload.productCode);
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

async function fromInquiry(
  catalog: CatalogRepository,
  koperasiId: string,
  inquiryId: string,
  inquiries: Map<string, InquiryRow>,
): Promise<Quote | CommandReply<never>> {
  const inquiry = inquiries.get(inquiryId);
  if (!inquiry || inquiry.koperasi_id !== koperasiId)
    return refused(404, 'INQUIRY_NOT_FOUND', `No inquiry ${inquiryId} in this koperasi`);
  const product = await catalog.product(koperasiId, inquiry.product_code);
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
