import type { BillReceipt, PaymentStatus, PaymentView, ProductKind } from '@koperasi/contracts';
import { plnTokenOf } from '../domain/index.js';

export interface PaymentRow {
  id: string;
  koperasi_id: string;
  ref_id: string;
  product_code: string;
  product_name: string;
  product_kind: ProductKind;
  biller: string;
  customer_no: string;
  customer_name: string | null;
  period: string | null;
  segment_power: string | null;
  subscriber_id: string | null;
  bill_amount_rp: string;
  penalty_rp: string;
  admin_fee_rp: string;
  total_amount_rp: string;
  quoted_price_rp: string;
  price_rp: string | null;
  status: PaymentStatus;
  refund: 'OWED' | 'PAID' | null;
  serial_no: string | null;
  kwh: string | null;
  partner_ref: string | null;
  failure_rc: string | null;
  failure_reason: string | null;
  resolved_by: string | null;
  teller_id: string;
  correlation_id: string;
  created_at: Date;
  resolved_at: Date | null;
  stream_version: number;
  check_attempts: number;
}

export const PAYMENT_COLUMNS = `id, koperasi_id, ref_id, product_code, product_name, product_kind, biller, customer_no, customer_name,
  period, bill_amount_rp, admin_fee_rp, total_amount_rp, quoted_price_rp, price_rp, status, refund, serial_no, failure_rc,
  failure_reason, resolved_by, teller_id, correlation_id, created_at, resolved_at, stream_version, check_attempts, segment_power,
  subscriber_id, penalty_rp, kwh, partner_ref`;

export function receiptOf(row: PaymentRow): BillReceipt | null {
  if (row.status !== 'SUCCESS' || row.resolved_at === null) return null;
  const plnPrepaid = row.biller === 'PLN' && row.product_kind === 'PREPAID';
  return {
    refId: row.ref_id,
    partnerRef: row.partner_ref,
    productCode: row.product_code,
    productName: row.product_name,
    productKind: row.product_kind,
    biller: row.biller,
    customerNo: row.customer_no,
    customerName: row.customer_name,
    subscriberId: row.subscriber_id,
    segmentPower: row.segment_power,
    period: row.period,
    billAmountRp: Number(row.bill_amount_rp),
    penaltyRp: Number(row.penalty_rp),
    adminFeeRp: Number(row.admin_fee_rp),
    totalAmountRp: Number(row.total_amount_rp),
    kwh: plnPrepaid ? row.kwh : null,
    serialNo: row.serial_no,
    token: plnPrepaid ? plnTokenOf(row.serial_no) : null,
    paidAt: row.resolved_at.toISOString(),
    koperasiId: row.koperasi_id,
    tellerId: row.teller_id,
  };
}

/** PaymentView plus why it failed, which the counter needs to explain a refund. */
export interface PaymentDetailView extends PaymentView {
  failure: { rc: string; reason: string } | null;
  resolvedBy: string | null;
}

export function paymentViewOf(row: PaymentRow): PaymentDetailView {
  return {
    paymentId: row.id,
    refId: row.ref_id,
    status: row.status,
    productCode: row.product_code,
    customerNo: row.customer_no,
    customerName: row.customer_name,
    billAmountRp: Number(row.bill_amount_rp),
    penaltyRp: Number(row.penalty_rp),
    adminFeeRp: Number(row.admin_fee_rp),
    totalAmountRp: Number(row.total_amount_rp),
    priceRp: row.price_rp === null ? null : Number(row.price_rp),
    refund: row.refund,
    tellerId: row.teller_id,
    createdAt: row.created_at.toISOString(),
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    receipt: receiptOf(row),
    failure:
      row.failure_rc === null ? null : { rc: row.failure_rc, reason: row.failure_reason ?? '' },
    resolvedBy: row.resolved_by,
  };
}
