import { ApiProperty } from '@nestjs/swagger';

export const COUNTER_KINDS = [
  'simpanan_pokok',
  'simpanan_wajib',
  'simpanan_sukarela_setor',
  'simpanan_sukarela_tarik',
  'ppob',
  'angsuran',
] as const;
export type CounterKind = (typeof COUNTER_KINDS)[number];

export const COUNTER_STATUSES = ['SUCCESS', 'PROCESSING', 'PENDING', 'FAILED'] as const;
export type CounterStatus = (typeof COUNTER_STATUSES)[number];

const RECEIPT_KINDS = ['ppob', 'angsuran', 'simpanan'] as const;

export class CounterKindTotalResponse {
  @ApiProperty({ enum: COUNTER_KINDS }) kind!: CounterKind;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'transactions of this kind counted in the total',
  })
  count!: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'their sum, rupiah (a withdrawal is paid out, yet counted positive)',
  })
  amount!: number;
}

export class CounterReceiptRefResponse {
  @ApiProperty({
    enum: RECEIPT_KINDS,
    description: 'POST /receipts/{kind}/{id}/prints prints (or reprints) it',
  })
  kind!: (typeof RECEIPT_KINDS)[number];
  @ApiProperty({ description: 'the id to print it with' }) id!: string;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description:
      'prints so far: 0 never printed, so the next print is the original (CA); 1 or more, the next is a reprint (CU)',
  })
  printCount!: number;
}

export class CounterTransactionResponse {
  @ApiProperty({ enum: COUNTER_KINDS }) kind!: CounterKind;
  @ApiProperty({
    description: 'payment id (ppob), collection id (angsuran) or savings event id (simpanan)',
  })
  id!: string;
  @ApiProperty({ format: 'date-time', description: 'when it was taken' }) time!: string;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'rupiah taken in (or paid out, for a withdrawal)',
  })
  amount!: number;
  @ApiProperty({
    enum: COUNTER_STATUSES,
    description:
      'savings and installments are SUCCESS once recorded; PPOB as the aggregator answered',
  })
  status!: CounterStatus;
  @ApiProperty({
    example: 'Budi Santoso · GDW-000012',
    description: 'who or what: member, product and customer number, or loan and borrower',
  })
  description!: string;
  @ApiProperty({
    description: 'our reference: the PPOB ref id, the collection id or the savings event id',
  })
  reference!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "the partner's reference when known (aggregator serial number, bank reference)",
  })
  partnerRef!: string | null;
  @ApiProperty({
    type: CounterReceiptRefResponse,
    nullable: true,
    description: 'how to print its receipt; null while a PPOB payment is not SUCCESS',
  })
  receipt!: CounterReceiptRefResponse | null;
}

export class CounterDepositResponse {
  @ApiProperty({
    type: 'integer',
    description: 'what a payment may use now (balance minus held), rupiah',
  })
  available!: number;
  @ApiProperty({ type: 'integer', description: 'booked balance at the aggregator, rupiah' })
  balance!: number;
}

export class CounterPpobPaymentResponse {
  @ApiProperty({ format: 'uuid' }) paymentId!: string;
  @ApiProperty({ description: 'our reference at the aggregator' }) refId!: string;
  @ApiProperty({ enum: COUNTER_STATUSES }) status!: CounterStatus;
  @ApiProperty() productCode!: string;
  @ApiProperty() customerNo!: string;
  @ApiProperty({ type: String, nullable: true }) customerName!: string | null;
  @ApiProperty({ type: 'integer', description: 'taken from the customer, rupiah' }) amount!: number;
  @ApiProperty({
    enum: ['OWED', 'PAID'],
    nullable: true,
    type: String,
    description: 'FAILED only: whether the money is still owed back',
  })
  refund!: 'OWED' | 'PAID' | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'user id of the teller who took it' }) tellerId!: string;
  @ApiProperty({ example: 'Siti Rahmawati', description: "that teller's full name" })
  tellerName!: string;
}

export class CounterPpobListResponse {
  @ApiProperty({ type: 'integer', minimum: 0 }) count!: number;
  @ApiProperty({ type: [CounterPpobPaymentResponse], description: 'newest first' })
  payments!: CounterPpobPaymentResponse[];
}

export class CounterTodayResponse {
  @ApiProperty({ example: '2026-11-22', format: 'date', description: 'the WIB day shown' })
  date!: string;
  @ApiProperty({ format: 'uuid', description: 'the user whose work this is (the caller)' })
  tellerId!: string;
  @ApiProperty({ example: 'Siti Rahmawati' }) tellerName!: string;
  @ApiProperty({
    type: [CounterKindTotalResponse],
    description:
      'one line per kind, always all six. PPOB counts what the customer paid and the koperasi holds (SUCCESS, PENDING, ' +
      'PROCESSING); a FAILED payment is listed but not counted, its money is owed back',
  })
  totals!: CounterKindTotalResponse[];
  @ApiProperty({
    type: [CounterTransactionResponse],
    description: "the caller's transactions of the day, newest first",
  })
  transactions!: CounterTransactionResponse[];
  @ApiProperty({ type: CounterDepositResponse, description: "the koperasi's PPOB deposit now" })
  ppobDeposit!: CounterDepositResponse;
  @ApiProperty({
    type: CounterPpobListResponse,
    description: "the koperasi's PPOB payments still PENDING or PROCESSING (any day, any teller)",
  })
  ppobPending!: CounterPpobListResponse;
  @ApiProperty({
    type: CounterPpobListResponse,
    description:
      "the koperasi's FAILED PPOB payments whose money is still owed back (a supervisor pays it)",
  })
  ppobRefundsOwed!: CounterPpobListResponse;
}
