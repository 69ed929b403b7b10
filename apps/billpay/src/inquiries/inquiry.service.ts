import { randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { AggregatorRc } from '@koperasi/contracts';
import type { Pool } from 'pg';
import { PG_POOL } from '@koperasi/service-kit';
import { AggregatorClient } from '../aggregator/aggregator-client.js';
import { CatalogRepository } from '../catalog/catalog.repository.js';
import { newRefId } from '../commands/ref-id.js';
import { customerNoProblem, inquiryExpiresAtMs, type Product } from '../domain/index.js';
import { BillpayHttpError } from '../infrastructure/billpay-error.js';
import { aggregatorUnavailable, inquiryRefusal } from './inquiry-refusals.js';
import type { InquiryView } from './inquiry-view.js';

export interface InquiryRequest {
  productCode: string;
  customerNo: string;
  tellerId: string;
}

interface BillDetails {
  customerName: string | null;
  period: string | null;
  segmentPower: string | null;
  billAmountRp: number;
  priceRp: number | null;
}

/**
 * Asks the aggregator about a bill (postpaid) or a PLN meter (prepaid) under a new ref_id, and keeps the
 * quote: paying the inquiry reuses that ref_id. Telco credit needs no inquiry at the aggregator; its quote
 * comes from the catalog and price list alone.
 */
@Injectable()
export class InquiryService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly catalog: CatalogRepository,
    private readonly aggregator: AggregatorClient,
  ) {}

  async inquire(koperasiId: string, request: InquiryRequest): Promise<InquiryView> {
    const product = await this.catalog.product(koperasiId, request.productCode);
    if (!product) {
      throw new BillpayHttpError(HttpStatus.NOT_FOUND, 'PRODUCT_NOT_FOUND', `No product ${request.productCode} in this koperasi's catalog`, [
        { field: 'productCode', message: 'not in the catalog' },
      ]);
    }
    const problem = customerNoProblem(product.customerNoRule, request.customerNo);
    if (problem) {
      throw new BillpayHttpError(HttpStatus.BAD_REQUEST, 'INVALID_CUSTOMER_NO', `customerNo: ${problem}`, [{ field: 'customerNo', message: problem }]);
    }
    const refId = newRefId();
    const details = await this.details(product, refId, request.customerNo);
    const nowMs = Date.now();
    const view: InquiryView = {
      inquiryId: randomUUID(),
      refId,
      productCode: product.code,
      productName: product.name,
      kind: product.kind,
      customerNo: request.customerNo,
      customerName: details.customerName,
      period: details.period,
      segmentPower: details.segmentPower,
      billAmountRp: details.billAmountRp,
      adminFeeRp: product.adminFeeRp,
      totalAmountRp: details.billAmountRp + product.adminFeeRp,
      expiresAt: new Date(inquiryExpiresAtMs(nowMs)).toISOString(),
    };
    await this.pool.query(
      `INSERT INTO inquiries (id, koperasi_id, ref_id, product_code, customer_no, customer_name, period, segment_power,
         bill_amount_rp, admin_fee_rp, price_rp, teller_id, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        view.inquiryId,
        koperasiId,
        refId,
        view.productCode,
        view.customerNo,
        view.customerName,
        view.period,
        view.segmentPower,
        view.billAmountRp,
        view.adminFeeRp,
        details.priceRp,
        request.tellerId,
        new Date(nowMs),
        view.expiresAt,
      ],
    );
    return view;
  }

  private async details(product: Product, refId: string, customerNo: string): Promise<BillDetails> {
    const prepaidQuote = { customerName: null, period: null, segmentPower: null, billAmountRp: product.denominationRp ?? 0, priceRp: product.priceRp };
    if (product.kind === 'PREPAID' && product.biller !== 'PLN') return prepaidQuote;
    const answer = await this.aggregator.inquiry(refId, product.code, customerNo);
    if (!answer.ok) throw aggregatorUnavailable(`${answer.failure} ${answer.detail}`);
    const data = answer.body.data;
    if (data.rc !== AggregatorRc.success || data.status !== 'Sukses') throw inquiryRefusal(String(data.rc), String(data.message ?? ''));
    const customerName = typeof data.customer_name === 'string' ? data.customer_name : null;
    const segmentPower = typeof data.segment_power === 'string' ? data.segment_power : null;
    if (product.kind === 'PREPAID') return { ...prepaidQuote, customerName, segmentPower };
    if (!isRupiah(data.bill_rp) || !isRupiah(data.price_rp)) throw aggregatorUnavailable('the inquiry answer has no bill or price');
    return { customerName, period: typeof data.period === 'string' ? data.period : null, segmentPower, billAmountRp: data.bill_rp, priceRp: data.price_rp };
  }
}

function isRupiah(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}
