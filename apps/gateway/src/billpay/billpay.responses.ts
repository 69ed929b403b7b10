import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BillReceipt, DepositView, PaymentStatus, ProductKind } from '@koperasi/contracts';
import type {
  BillpayInquiry,
  BillpayPayment,
  BillpayProduct,
  Reconciliation,
  ReconciliationDifference,
  TopUpResult,
} from '../queries/billpay-queries.js';

const KINDS: ProductKind[] = ['PREPAID', 'POSTPAID'];
const STATUSES: PaymentStatus[] = ['PROCESSING', 'PENDING', 'SUCCESS', 'FAILED'];
/** billpay's customer-number rules (apps/billpay/src/domain/customer-no-rule.ts): the counter checks the same one as it is typed. */
const CUSTOMER_NO_RULES = ['PLN_METER', 'PLN_IDPEL', 'PDAM', 'BPJS', 'PHONE'];

export class ProductResponse {
  @ApiProperty({ example: 'PLN20' }) code!: string;
  @ApiProperty({ example: 'PLN Token 20.000' }) name!: string;
  @ApiProperty({ enum: KINDS }) kind!: ProductKind;
  @ApiProperty({ example: 'PLN' }) biller!: string;
  @ApiProperty({
    enum: CUSTOMER_NO_RULES,
    example: 'PLN_METER',
    description:
      'the rule the customer number follows: PLN_METER 11 digits, PLN_IDPEL 12 digits, PDAM 10 digits, BPJS 16 digits starting 88888, PHONE 08 then 8 to 11 digits',
  })
  customerNoRule!: string;
  @ApiProperty({ example: 'a PLN meter number is 11 digits' }) customerNoFormat!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'prepaid face value, rupiah' })
  denomination!: number | null;
  @ApiProperty({ type: 'integer', description: 'admin fee the customer pays, rupiah' })
  adminFee!: number;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'prepaid: what the customer pays; postpaid: ask an inquiry',
  })
  totalAmount!: number | null;
}

export class InquiryResponse {
  @ApiProperty({ format: 'uuid', description: 'pay it with POST /billpay/payments {inquiryId}' })
  inquiryId!: string;
  @ApiProperty({ description: 'our reference at the aggregator; the payment keeps it' })
  refId!: string;
  @ApiProperty() productCode!: string;
  @ApiProperty() productName!: string;
  @ApiProperty({ enum: KINDS }) kind!: ProductKind;
  @ApiProperty() customerNo!: string;
  @ApiProperty({ nullable: true, type: String }) customerName!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '202611',
    description: 'postpaid billing period, YYYYMM',
  })
  period!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'R1/1300VA',
    description: 'PLN (prepaid and postpaid): tariff and power class',
  })
  segmentPower!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '523010012345',
    description:
      'PLN: the customer id (IDPEL, 12 digits); for prepaid it differs from the meter number in customerNo',
  })
  subscriberId!: string | null;
  @ApiProperty({
    type: 'integer',
    description: 'bill without penalty (postpaid) or face value (prepaid), rupiah',
  })
  billAmount!: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 0,
    description: 'postpaid late-payment penalty (denda), rupiah; 0 when none',
  })
  penalty!: number;
  @ApiProperty({ type: 'integer' }) adminFee!: number;
  @ApiProperty({
    type: 'integer',
    description: 'what the customer pays: billAmount + penalty + adminFee',
  })
  totalAmount!: number;
  @ApiProperty({ format: 'date-time', description: '15 minutes, never past midnight WIB' })
  expiresAt!: string;
}

export class ReceiptResponse {
  @ApiProperty({ description: 'our reference (ref_id) at the aggregator' }) refId!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'TRX480213957712',
    description: "the aggregator's own transaction id, when it gave one",
  })
  partnerRef!: string | null;
  @ApiProperty() productCode!: string;
  @ApiProperty() productName!: string;
  @ApiProperty({ enum: KINDS }) productKind!: ProductKind;
  @ApiProperty({ example: 'PLN', description: 'PLN, TELKOMSEL, PDAM, BPJS_KESEHATAN, ...' })
  biller!: string;
  @ApiProperty({
    description:
      'meter number (PLN prepaid), IDPEL (PLN postpaid), customer number, BPJS number or phone number',
  })
  customerNo!: string;
  @ApiProperty({ nullable: true, type: String }) customerName!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '523010012345',
    description: 'PLN: the customer id (IDPEL, 12 digits)',
  })
  subscriberId!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'R1/1300VA',
    description: 'PLN: tariff and power class',
  })
  segmentPower!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '202611',
    description: 'postpaid billing period, YYYYMM',
  })
  period!: string | null;
  @ApiProperty({
    type: 'integer',
    description: 'bill without penalty (postpaid) or face value (prepaid), rupiah',
  })
  billAmount!: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 0,
    description: 'postpaid late-payment penalty (denda), rupiah; 0 when none',
  })
  penalty!: number;
  @ApiProperty({ type: 'integer' }) adminFee!: number;
  @ApiProperty({ type: 'integer', description: 'billAmount + penalty + adminFee' })
  totalAmount!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    pattern: '^\\d+(\\.\\d+)?$',
    example: '33.6',
    description:
      'PLN prepaid: kWh bought, a decimal with a point (printed 33,6); null when the aggregator did not say',
  })
  kwh!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "the aggregator's serial number (SN); telco credit: the operator's SN",
  })
  serialNo!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '1234-5678-9012-3456-7890',
    description: 'PLN prepaid token',
  })
  token!: string | null;
  @ApiProperty({ format: 'date-time' }) paidAt!: string;
  @ApiProperty({ format: 'uuid' }) koperasiId!: string;
  @ApiProperty() tellerId!: string;
}

/** The receipt as the printed struk names the counter: the koperasi's name and the teller's full name, not only ids. */
export class PrintableBillReceiptResponse extends ReceiptResponse {
  @ApiProperty({ example: 'KKMP Gedawang' }) koperasiName!: string;
  @ApiProperty({ example: 'Siti Rahmawati', description: "the teller's full name" })
  tellerName!: string;
}

export class PaymentLinksResponse {
  @ApiProperty({ example: '/api/v1/billpay/payments/7c1f...' }) self!: string;
  @ApiPropertyOptional({ example: '/api/v1/billpay/payments/7c1f.../receipt' }) receipt?: string;
}

export class PaymentFailureResponse {
  @ApiProperty({ example: '02' }) rc!: string;
  @ApiProperty() reason!: string;
}

export class PaymentResponse {
  @ApiProperty({ format: 'uuid' }) paymentId!: string;
  @ApiProperty({ description: 'our reference at the aggregator, fixed before the first call' })
  refId!: string;
  @ApiProperty({
    enum: STATUSES,
    description: 'PROCESSING/PENDING: the customer money is held; follow links.self',
  })
  status!: PaymentStatus;
  @ApiProperty() productCode!: string;
  @ApiProperty() customerNo!: string;
  @ApiProperty({ nullable: true, type: String }) customerName!: string | null;
  @ApiProperty({
    type: 'integer',
    description: 'bill without penalty (postpaid) or face value (prepaid)',
  })
  billAmount!: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'postpaid late-payment penalty (denda); 0 when none',
  })
  penalty!: number;
  @ApiProperty({ type: 'integer' }) adminFee!: number;
  @ApiProperty({
    type: 'integer',
    description: 'taken from the customer: billAmount + penalty + adminFee',
  })
  totalAmount!: number;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'debited from the deposit, once the aggregator says',
  })
  price!: number | null;
  @ApiProperty({
    enum: ['OWED', 'PAID'],
    nullable: true,
    description: 'FAILED only: the customer money still owed back, or paid',
  })
  refund!: 'OWED' | 'PAID' | null;
  @ApiProperty({ type: PaymentFailureResponse, nullable: true })
  failure!: PaymentFailureResponse | null;
  @ApiProperty({
    enum: ['RESPONSE', 'CALLBACK', 'STATUS_CHECK'],
    nullable: true,
    description: 'how the outcome became known',
  })
  resolvedBy!: string | null;
  @ApiProperty() tellerId!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) resolvedAt!: string | null;
  @ApiProperty({ type: ReceiptResponse, nullable: true }) receipt!: ReceiptResponse | null;
  @ApiProperty({ type: PaymentLinksResponse }) links!: PaymentLinksResponse;
}

export class DepositResponse {
  @ApiProperty({ type: 'integer', description: 'booked balance at the aggregator, rupiah' })
  balance!: number;
  @ApiProperty({ type: 'integer', description: 'held for payments not resolved yet' })
  reserved!: number;
  @ApiProperty({
    type: 'integer',
    description: 'balance - reserved: the largest price a payment may have now',
  })
  available!: number;
}

export class TopUpResponse {
  @ApiProperty({ format: 'uuid' }) topupId!: string;
  @ApiProperty({ type: 'integer' }) amount!: number;
  @ApiProperty() bankTransferRef!: string;
  @ApiProperty({ type: DepositResponse }) deposit!: DepositResponse;
}

export class RefundResponse {
  @ApiProperty({ format: 'uuid' }) paymentId!: string;
  @ApiProperty({ type: 'integer', description: 'paid back to the customer in cash' })
  amount!: number;
  @ApiProperty({ enum: ['PAID'] }) refund!: 'PAID';
  @ApiProperty({
    format: 'uuid',
    description: 'the BillPaymentRefunded event; the ledger entry cites it',
  })
  eventId!: string;
}

export class ReconciliationDifferenceResponse {
  @ApiProperty({ enum: ['MISSING_ON_OUR_SIDE', 'MISSING_ON_THEIR_SIDE', 'AMOUNT_MISMATCH'] })
  kind!: ReconciliationDifference['kind'];
  @ApiProperty({ description: 'payment ref_id, or bank transfer reference of a top-up' })
  ref!: string;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'our net movement, rupiah (debit negative)',
  })
  ours!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: "the aggregator's net movement" })
  theirs!: number | null;
  @ApiProperty({ enum: STATUSES, nullable: true }) ourStatus!: PaymentStatus | null;
}

export class ReconciliationSideResponse {
  @ApiProperty({
    type: 'integer',
    description: 'deposit at the start of the date (theirs: the whole aggregator account)',
  })
  opening!: number;
  @ApiProperty({
    type: 'integer',
    description: 'deposit at the end of the date (theirs: the whole aggregator account)',
  })
  closing!: number;
  @ApiProperty({
    type: 'integer',
    description:
      "net of this koperasi's movements on the date (theirs: the statement lines that are not another koperasi's), rupiah, debits negative",
  })
  movement!: number;
}

export class ReconciliationResponse {
  @ApiProperty({ example: '2026-11-22' }) date!: string;
  @ApiProperty({ type: ReconciliationSideResponse }) ours!: ReconciliationSideResponse;
  @ApiProperty({ type: ReconciliationSideResponse }) theirs!: ReconciliationSideResponse;
  @ApiProperty({ type: 'integer', description: 'references that agree' }) matched!: number;
  @ApiProperty({ type: [ReconciliationDifferenceResponse] })
  differences!: ReconciliationDifferenceResponse[];
}

export function presentProduct(product: BillpayProduct): ProductResponse {
  return {
    code: product.code,
    name: product.name,
    kind: product.kind,
    biller: product.biller,
    customerNoRule: product.customerNoRule,
    customerNoFormat: product.customerNoFormat,
    denomination: product.denominationRp,
    adminFee: product.adminFeeRp,
    totalAmount: product.totalAmountRp,
  };
}

/** What newer billpay versions add to an inquiry; an answer without them reads as none. */
interface InquiryDetails {
  subscriberId: string | null;
  penaltyRp: number;
}

export function presentInquiry(inquiry: BillpayInquiry & Partial<InquiryDetails>): InquiryResponse {
  return {
    inquiryId: inquiry.inquiryId,
    refId: inquiry.refId,
    productCode: inquiry.productCode,
    productName: inquiry.productName,
    kind: inquiry.kind,
    customerNo: inquiry.customerNo,
    customerName: inquiry.customerName,
    period: inquiry.period,
    segmentPower: inquiry.segmentPower,
    subscriberId: inquiry.subscriberId ?? null,
    billAmount: inquiry.billAmountRp,
    penalty: inquiry.penaltyRp ?? 0,
    adminFee: inquiry.adminFeeRp,
    totalAmount: inquiry.totalAmountRp,
    expiresAt: inquiry.expiresAt,
  };
}

export function presentReceipt(receipt: BillReceipt): ReceiptResponse {
  return {
    refId: receipt.refId,
    partnerRef: receipt.partnerRef ?? null,
    productCode: receipt.productCode,
    productName: receipt.productName,
    productKind: receipt.productKind,
    biller: receipt.biller,
    customerNo: receipt.customerNo,
    customerName: receipt.customerName,
    subscriberId: receipt.subscriberId ?? null,
    segmentPower: receipt.segmentPower ?? null,
    period: receipt.period,
    billAmount: receipt.billAmountRp,
    penalty: receipt.penaltyRp ?? 0,
    adminFee: receipt.adminFeeRp,
    totalAmount: receipt.totalAmountRp,
    kwh: receipt.kwh ?? null,
    serialNo: receipt.serialNo,
    token: receipt.token,
    paidAt: receipt.paidAt,
    koperasiId: receipt.koperasiId,
    tellerId: receipt.tellerId,
  };
}

export function paymentLinks(paymentId: string, status: PaymentStatus): PaymentLinksResponse {
  const self = `/api/v1/billpay/payments/${paymentId}`;
  return status === 'SUCCESS' ? { self, receipt: `${self}/receipt` } : { self };
}

export function presentPayment(payment: BillpayPayment): PaymentResponse {
  return {
    paymentId: payment.paymentId,
    refId: payment.refId,
    status: payment.status,
    productCode: payment.productCode,
    customerNo: payment.customerNo,
    customerName: payment.customerName,
    billAmount: payment.billAmountRp,
    penalty: payment.penaltyRp ?? 0,
    adminFee: payment.adminFeeRp,
    totalAmount: payment.totalAmountRp,
    price: payment.priceRp,
    refund: payment.refund,
    failure: payment.failure,
    resolvedBy: payment.resolvedBy,
    tellerId: payment.tellerId,
    createdAt: payment.createdAt,
    resolvedAt: payment.resolvedAt,
    receipt: payment.receipt ? presentReceipt(payment.receipt) : null,
    links: paymentLinks(payment.paymentId, payment.status),
  };
}

export function presentDeposit(deposit: DepositView): DepositResponse {
  return {
    balance: deposit.balanceRp,
    reserved: deposit.reservedRp,
    available: deposit.availableRp,
  };
}

export function presentTopUp(result: TopUpResult): TopUpResponse {
  return {
    topupId: result.topupId,
    amount: result.amountRp,
    bankTransferRef: result.bankTransferRef,
    deposit: presentDeposit(result.deposit),
  };
}

export function presentReconciliation(reconciliation: Reconciliation): ReconciliationResponse {
  return {
    date: reconciliation.date,
    ours: {
      opening: reconciliation.ours.openingRp,
      closing: reconciliation.ours.closingRp,
      movement: reconciliation.ours.movementRp,
    },
    theirs: {
      opening: reconciliation.theirs.openingRp,
      closing: reconciliation.theirs.closingRp,
      movement: reconciliation.theirs.movementRp,
    },
    matched: reconciliation.matched,
    differences: reconciliation.differences.map((difference) => ({
      kind: difference.kind,
      ref: difference.ref,
      ours: difference.oursRp,
      theirs: difference.theirsRp,
      ourStatus: difference.ourStatus,
    })),
  };
}
