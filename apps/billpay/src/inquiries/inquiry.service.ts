import { randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { AggregatorRc } from '@koperasi/contracts';
import type { Pool } from 'pg';
import { PG_POOL } from '@koperasi/service-kit';
import { AggregatorClient } from '../aggregator/aggregator-client.js';
import { CatalogRepository } from '../catalog/catalog.repository.js';
import { newRefId } from '../commands/ref-id.js';
import { customerNoProblem, inquiryExpiresAtMs, totalOf, type Product } from '../domain/index.js';
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
  subscriberId: string | null;
  billAmountRp: number;
  penaltyRp: number;
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
      throw new BillpayHttpError(
        HttpStatus.NOT_FOUND,
        'PRODUCT_NOT_FOUND',
        `No product ${request.productCode} in this koperasi's catalog`,
        [{ field: 'productCode', message: 'not in the catalog' }],
      );
    }
    const problem = customerNoProblem(product.customerNoRule, request.customerNo);
    if (problem) {
      throw new BillpayHttpError(
        HttpStatus.BAD_REQUEST,
        'INVALID_CUSTOMER_NO',
        `customerNo: ${problem}`,
        [{ field: 'customerNo', message: problem }],
      );
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
      subscriberId: details.subscriberId,
      billAmountRp: details.billAmountRp,
      penaltyRp: details.penaltyRp,
      adminFeeRp: product.adminFeeRp,
      totalAmountRp: totalOf({
        billAmountRp: details.billAmountRp,
        penaltyRp: details.penaltyRp,
        adminFeeRp: product.adminFeeRp,
      }),
      expiresAt: new Date(inquiryExpiresAtMs(nowMs)).toISOString(),
    };
    await this.pool.query(
      `INSERT INTO inquiries (id, koperasi_id, ref_id, product_code, customer_no, customer_name, period, segment_power,
         bill_amount_rp, admin_fee_rp, price_rp, teller_id, created_at, expires_at, penalty_rp, subscriber_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
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
        view.penaltyRp,
        view.subscriberId,
      ],
    );
    return view;
  }

  private async details(product: Product, refId: string, customerNo: string): Promise<BillDetails> {
    const prepaidQuote = {
      customerName: null,
      period: null,
      segmentPower: null,
      subscriberId: null,
      billAmountRp: product.denominationRp ?? 0,
      penaltyRp: 0,
      priceRp: product.priceRp,
    };
    if (product.kind === 'PREPAID' && product.biller !== 'PLN') return prepaidQuote;
    const answer = await this.aggregator.inquiry(refId, product.code, customerNo);
    if (!answer.ok) throw aggregatorUnavailable(`${answer.failure} ${answer.detail}`);
    const data = answer.body.data;
    if (data.rc !== AggregatorRc.success || data.status !== 'Sukses')
      throw inquiryRefusal(String(data.rc), String(data.message ?? ''));
    const customerName = textOf(data.customer_name);
    const segmentPower = textOf(data.segment_power);
    const subscriberId = textOf(data.subscriber_id);
    if (product.kind === 'PREPAID')
      return { ...prepaidQuote, customerName, segmentPower, subscriberId };
    if (!isRupiah(data.bill_rp) || !isRupiah(data.price_rp))
      throw aggregatorUnavailable('the inquiry answer has no bill or price');
    // No penalty field: none owed. A penalty that is not an amount makes the whole quote untrustworthy.
    const penaltyRp = data.penalty_rp ?? 0;
    if (penaltyRp !== 0 && !isRupiah(penaltyRp))
      throw aggregatorUnavailable('the inquiry answer has a penalty that is not an amount');
    return {
      customerName,
      period: textOf(data.period),
      segmentPower,
      subscriberId,
      billAmountRp: data.bill_rp,
      penaltyRp,
      priceRp: data.price_rp,
    };
  }
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function isRupiah(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}
