import { ApiProperty } from '@nestjs/swagger';
import { RECAP_KINDS, type DailyRecap, type RecapKind, type RecapPart } from './daily-recap.js';

export class RecapLineResponse {
  @ApiProperty({
    enum: RECAP_KINDS,
    description:
      'simpanan, ppob (paid or still pending), ppob-gagal (failed: the money is the customer’s again), angsuran, refund (paid out in cash)',
  })
  kind!: RecapKind;
  @ApiProperty({
    example: 'PLN20',
    description:
      'savings kind (pokok, wajib, sukarela-deposit, ...), PPOB product code, KUR or KUPEDES',
  })
  product!: string;
  @ApiProperty({ example: 'PLN Token 20.000' }) productName!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) count!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'rupiah taken in' }) in!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'rupiah paid out' }) out!: number;
  @ApiProperty({
    type: 'integer',
    description: 'the koperasi’s fee income from them, rupiah (PPOB once paid, installments)',
  })
  fee!: number;
}

export class RecapTotalsResponse {
  @ApiProperty({ type: 'integer', minimum: 0 }) count!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) in!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) out!: number;
  @ApiProperty({ type: 'integer' }) fee!: number;
  @ApiProperty({ type: 'integer', description: 'in − out: the cash the transactions left' })
  net!: number;
}

export class RecapPartResponse {
  @ApiProperty({ type: [RecapLineResponse] }) lines!: RecapLineResponse[];
  @ApiProperty({ type: RecapTotalsResponse }) totals!: RecapTotalsResponse;
}

export class TellerRecapResponse extends RecapPartResponse {
  @ApiProperty() tellerId!: string;
  @ApiProperty() tellerName!: string;
}

export class DailyRecapResponse {
  @ApiProperty({ format: 'date', description: 'the WIB day' }) date!: string;
  @ApiProperty({
    type: [TellerRecapResponse],
    description: 'a supervisor: every teller who worked that day; a teller: their own',
  })
  tellers!: TellerRecapResponse[];
  @ApiProperty({
    type: RecapPartResponse,
    nullable: true,
    description: 'the koperasi’s total (a supervisor’s recap only)',
  })
  koperasi!: RecapPartResponse | null;
  @ApiProperty({
    description: 'true when a day’s list passed its limit: the figures leave transactions out',
  })
  truncated!: boolean;
  @ApiProperty({
    example: '2026-11-22.3f0c9a52-6d1e-4b7a-9a0e-2b8c1d4e5f60',
    description:
      'prints on the 58 mm roll: POST /receipts/rekap/{receiptId}/prints (the date, then the koperasi or the teller)',
  })
  receiptId!: string;
}

export function presentRecap(recap: DailyRecap): Omit<DailyRecapResponse, 'receiptId'> {
  return {
    date: recap.date,
    tellers: recap.tellers.map((teller) => ({
      tellerId: teller.tellerId,
      tellerName: teller.tellerName,
      ...presentPart(teller),
    })),
    koperasi: recap.koperasi && presentPart(recap.koperasi),
    truncated: recap.truncated,
  };
}

function presentPart(part: RecapPart): RecapPartResponse {
  return {
    lines: part.lines.map((line) => ({
      kind: line.kind,
      product: line.product,
      productName: line.productName,
      count: line.count,
      in: line.inRp,
      out: line.outRp,
      fee: line.feeRp,
    })),
    totals: {
      count: part.totals.count,
      in: part.totals.inRp,
      out: part.totals.outRp,
      fee: part.totals.feeRp,
      net: part.totals.netRp,
    },
  };
}
