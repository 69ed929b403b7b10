import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  CollectInstallmentResult,
  CollectionAgreementView,
  CollectionView,
  InstallmentAllocation,
  InstallmentReceipt,
  LoanAccountView,
  RemittanceView,
} from '@koperasi/contracts';
import type { CollectionList } from '../queries/loans-queries.js';

const PRODUCTS = ['KUR', 'KUPEDES'];
const FEE_MODES = ['BANK_PAYS', 'NETTED'];
const FEE_STATUSES = ['RECEIVABLE_FROM_BANK', 'NETTED_FROM_REMITTANCE'];

export class LoanAccountResponse {
  @ApiProperty({ example: '000101000001001' }) loanNo!: string;
  @ApiProperty({ example: 'WARSITO' }) borrowerName!: string;
  @ApiProperty({ enum: PRODUCTS }) product!: string;
  @ApiProperty({ enum: ['ACTIVE', 'CLOSED'] }) status!: string;
  @ApiProperty({ example: '2026-11', description: 'the installment period due' }) period!: string;
  @ApiProperty({ type: 'integer', description: 'one installment, rupiah' }) installmentDue!: number;
  @ApiProperty({ type: 'integer' }) installmentsInArrears!: number;
  @ApiProperty({ type: 'integer', description: 'late-payment penalty, rupiah' }) penalty!: number;
  @ApiProperty({
    type: 'integer',
    description: 'the most the bank accepts now (due, arrears and penalty), rupiah',
  })
  maxPayment!: number;
  @ApiProperty({ format: 'date-time', description: 'when the bank was asked' }) viewedAt!: string;
}

export class InstallmentAllocationResponse {
  @ApiProperty({ type: 'integer', description: 'towards installments in arrears, rupiah' })
  arrears!: number;
  @ApiProperty({
    type: [String],
    example: ['2026-09', '2026-10'],
    description: 'the months in arrears it paid, oldest first; a month may be paid in part',
  })
  arrearsPeriods!: string[];
  @ApiProperty({ type: 'integer', description: 'towards the late-payment penalty (denda), rupiah' })
  penalty!: number;
  @ApiProperty({ type: 'integer', description: "towards the current month's installment, rupiah" })
  current!: number;
  @ApiProperty({ example: '2026-11', description: 'the month of the current installment' })
  currentPeriod!: string;
  @ApiProperty({
    type: 'integer',
    description: 'beyond the current installment: paid ahead on the outstanding balance, rupiah',
  })
  ahead!: number;
}

export class InstallmentReceiptResponse {
  @ApiProperty({ format: 'uuid', description: "the collection's reference, also the bank's" })
  collectionId!: string;
  @ApiProperty() loanNo!: string;
  @ApiProperty() borrowerName!: string;
  @ApiProperty({ enum: PRODUCTS }) product!: string;
  @ApiProperty({ example: '2026-11' }) period!: string;
  @ApiProperty({ type: 'integer', description: 'rupiah taken in cash' }) amount!: number;
  @ApiProperty({
    type: InstallmentAllocationResponse,
    nullable: true,
    description:
      'what the amount paid, in the order the bank applies it; null for collections recorded before this was kept',
  })
  allocation!: InstallmentAllocationResponse | null;
  @ApiProperty({
    type: 'integer',
    description: "the koperasi's fee, rupiah; not paid by the borrower",
  })
  fee!: number;
  @ApiProperty({ enum: FEE_MODES }) feeMode!: string;
  @ApiProperty({
    enum: FEE_STATUSES,
    description: 'who settles the fee: the bank pays it, or it is kept from the remittance',
  })
  feeStatus!: string;
  @ApiProperty({ example: '2026-11-20T16:05:09+07:00', description: 'counter time, WIB' })
  collectedAt!: string;
  @ApiProperty({ format: 'uuid' }) koperasiId!: string;
  @ApiProperty({ description: 'the user id of the teller who took the cash' }) tellerId!: string;
}

export class CollectInstallmentResponse {
  @ApiProperty({ format: 'uuid' }) collectionId!: string;
  @ApiProperty({ type: InstallmentReceiptResponse }) receipt!: InstallmentReceiptResponse;
}

export class CollectionPaidBackResponse {
  @ApiProperty({ description: 'the teller whose drawer paid the cash out' }) tellerId!: string;
  @ApiProperty({ description: 'the supervisor who paid it back' }) paidBy!: string;
  @ApiProperty({ example: 'Budi Santoso' }) paidByName!: string;
  @ApiProperty({ example: '2026-12-01T10:15:00Z' }) paidAt!: string;
}

export class CollectionRefusalResponse {
  @ApiProperty({ example: 'LOAN_CLOSED', description: "the bank's error code" }) code!: string;
  @ApiProperty({
    example: 'the bank refused (422): Loan 000101000003003 is closed',
    description: "the bank's reason",
  })
  reason!: string;
  @ApiProperty({ example: '2026-12-01T10:00:00Z' }) refusedAt!: string;
  @ApiProperty({
    type: CollectionPaidBackResponse,
    nullable: true,
    description: 'null while the cash is still owed back to the customer',
  })
  paidBack!: CollectionPaidBackResponse | null;
}

export class CollectionResponse extends InstallmentReceiptResponse {
  @ApiProperty({ example: '2026-11-20', description: 'the WIB business date' })
  businessDate!: string;
  @ApiProperty({
    enum: ['PENDING', 'ACKNOWLEDGED', 'REFUSED'],
    description:
      'whether the bank acknowledged the collection notice; REFUSED: for good (422), the cash is owed back to the customer',
  })
  noticeStatus!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) bankRef!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) remittanceId!:
    string | null;
  @ApiProperty({ enum: ['UNREMITTED', 'IN_BATCH', 'REMITTED', 'REFUSED'] }) remittance!: string;
  @ApiProperty({ type: CollectionRefusalResponse, nullable: true })
  refusal!: CollectionRefusalResponse | null;
}

export class PrintableReceiptResponse extends CollectionResponse {
  @ApiProperty({ example: 'KKMP Gedawang' }) koperasiName!: string;
  @ApiProperty({ example: 'Siti Rahmawati', description: "the teller's full name" })
  tellerName!: string;
}

export class CollectionListResponse {
  @ApiProperty({ example: '2026-11-20' }) date!: string;
  @ApiPropertyOptional({ nullable: true, enum: ['UNREMITTED', 'IN_BATCH', 'REMITTED', 'REFUSED'] })
  status!: string | null;
  @ApiProperty({ type: 'integer', description: 'all matching collections' }) count!: number;
  @ApiProperty({ type: 'integer', description: 'their total, rupiah' }) amount!: number;
  @ApiProperty({ type: 'integer', description: 'their fees, rupiah' }) fee!: number;
  @ApiProperty({ type: [CollectionResponse], description: 'oldest first, at most 1000' })
  collections!: CollectionResponse[];
  @ApiProperty({ description: 'true when more matched than are listed' }) truncated!: boolean;
}

export class RemittanceResponse {
  @ApiProperty({ format: 'uuid', description: "the batch id, also the bank's batch_ref" })
  remittanceId!: string;
  @ApiProperty({
    enum: ['SENT', 'UNKNOWN', 'CONFIRMED', 'REJECTED'],
    description: 'UNKNOWN: sent, no answer yet; asked again until the bank says',
  })
  status!: string;
  @ApiProperty({ type: 'integer' }) collectionCount!: number;
  @ApiProperty({ type: 'integer', description: 'rupiah collected in the batch' })
  collected!: number;
  @ApiProperty({ type: 'integer', description: 'fees kept back from the bank (NETTED), rupiah' })
  feeNetted!: number;
  @ApiProperty({
    type: 'integer',
    description: 'what goes to the bank: collected less netted fees, rupiah',
  })
  remit!: number;
  @ApiProperty({ example: '2026-11-20T17:00:00+07:00' }) closedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) resolvedAt!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: "the bank's reason for a rejection",
  })
  reason!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'BRI-RMT-000123',
    description: "the bank's own reference for a CONFIRMED batch; null until then",
  })
  bankRef!: string | null;
}

export class FeeRuleResponse {
  @ApiProperty({ enum: ['FIXED', 'PERCENT'] }) kind!: string;
  @ApiPropertyOptional({ type: 'integer', description: 'FIXED: rupiah per installment' })
  amount?: number;
  @ApiPropertyOptional({
    type: 'integer',
    description: 'PERCENT: basis points (50 = 0.50%), rounded half up to whole rupiah',
  })
  basisPoints?: number;
}

export class AgreementResponse {
  @ApiProperty({ enum: PRODUCTS }) product!: string;
  @ApiProperty({ type: FeeRuleResponse }) fee!: FeeRuleResponse;
  @ApiProperty({ example: '0.50% of the amount, rounded half up to whole rupiah' })
  feeDescription!: string;
  @ApiProperty() partialAllowed!: boolean;
  @ApiProperty({ enum: FEE_MODES }) feeMode!: string;
  @ApiProperty({ description: 'false: the koperasi set nothing and the defaults apply' })
  agreed!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) updatedBy!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) updatedAt!: string | null;
}

export function presentLoanAccount(view: LoanAccountView): LoanAccountResponse {
  return {
    loanNo: view.loanNo,
    borrowerName: view.borrowerName,
    product: view.product,
    status: view.status,
    period: view.period,
    installmentDue: view.installmentDueRp,
    installmentsInArrears: view.installmentsInArrears,
    penalty: view.penaltyRp,
    maxPayment: view.maxPaymentRp,
    viewedAt: view.viewedAt,
  };
}

function presentAllocation(allocation: InstallmentAllocation): InstallmentAllocationResponse {
  return {
    arrears: allocation.arrearsRp,
    arrearsPeriods: allocation.arrearsPeriods,
    penalty: allocation.penaltyRp,
    current: allocation.currentRp,
    currentPeriod: allocation.currentPeriod,
    ahead: allocation.aheadRp,
  };
}

export function presentReceipt(receipt: InstallmentReceipt): InstallmentReceiptResponse {
  return {
    collectionId: receipt.collectionId,
    loanNo: receipt.loanNo,
    borrowerName: receipt.borrowerName,
    product: receipt.product,
    period: receipt.period,
    amount: receipt.amountRp,
    allocation: receipt.allocation ? presentAllocation(receipt.allocation) : null,
    fee: receipt.feeRp,
    feeMode: receipt.feeMode,
    feeStatus: receipt.feeMode === 'BANK_PAYS' ? 'RECEIVABLE_FROM_BANK' : 'NETTED_FROM_REMITTANCE',
    collectedAt: receipt.collectedAt,
    koperasiId: receipt.koperasiId,
    tellerId: receipt.tellerId,
  };
}

export function presentCollected(result: CollectInstallmentResult): CollectInstallmentResponse {
  return { collectionId: result.collectionId, receipt: presentReceipt(result.receipt) };
}

export function presentCollection(view: CollectionView): CollectionResponse {
  return {
    ...presentReceipt(view),
    businessDate: view.businessDate,
    noticeStatus: view.noticeStatus,
    bankRef: view.bankRef,
    remittanceId: view.remittanceId,
    remittance: view.remittance,
    refusal: view.refusal ?? null,
  };
}

export function presentCollectionList(list: CollectionList): CollectionListResponse {
  return {
    date: list.date,
    status: list.status,
    count: list.count,
    amount: list.amountRp,
    fee: list.feeRp,
    collections: list.collections.map(presentCollection),
    truncated: list.truncated,
  };
}

export function presentRemittance(view: RemittanceView): RemittanceResponse {
  return {
    remittanceId: view.remittanceId,
    status: view.status,
    collectionCount: view.collectionCount,
    collected: view.collectedRp,
    feeNetted: view.feeNettedRp,
    remit: view.remitRp,
    closedAt: view.closedAt,
    resolvedAt: view.resolvedAt,
    reason: view.reason,
    bankRef: view.bankRef ?? null,
  };
}

export function presentAgreement(view: CollectionAgreementView): AgreementResponse {
  return {
    product: view.product,
    fee:
      view.fee.kind === 'FIXED'
        ? { kind: 'FIXED', amount: view.fee.feeRp }
        : { kind: 'PERCENT', basisPoints: view.fee.basisPoints },
    feeDescription: view.feeDescription,
    partialAllowed: view.partialAllowed,
    feeMode: view.feeMode,
    agreed: view.agreed,
    updatedBy: view.updatedBy,
    updatedAt: view.updatedAt,
  };
}
