import { ApiProperty } from '@nestjs/swagger';
import {
  type CashDrawerStatus,
  type CashDrawerView,
  type CashKind,
  type ExpectedCash,
} from '@koperasi/contracts';

const STATUSES: CashDrawerStatus[] = ['UNOPENED', 'OPEN', 'COUNTED', 'CLOSED'];
const KINDS: CashKind[] = ['opening-float', 'simpanan', 'ppob', 'angsuran', 'refund', 'other'];

export class CashLineResponse {
  @ApiProperty({
    enum: KINDS,
    description: 'opening-float (modal awal), simpanan, ppob, angsuran, refund, other',
  })
  kind!: CashKind;
  @ApiProperty({ type: 'integer', description: 'entries booked in the drawer' }) count!: number;
  @ApiProperty({ type: 'integer', description: 'rupiah taken into the drawer' }) in!: number;
  @ApiProperty({ type: 'integer', description: 'rupiah paid out of the drawer' }) out!: number;
}

export class ExpectedCashResponse {
  @ApiProperty({ type: [CashLineResponse] }) lines!: CashLineResponse[];
  @ApiProperty({
    type: 'integer',
    description: 'what the drawer should hold: opening float + taken − paid out',
  })
  total!: number;
}

export class DenominationResponse {
  @ApiProperty({ type: 'integer', example: 100000, description: 'the note or coin, rupiah' })
  value!: number;
  @ApiProperty({ type: 'integer', example: 5 }) count!: number;
}

export class CashDrawerResponse {
  @ApiProperty({
    format: 'uuid',
    description: 'also the recap receipt id: POST /receipts/kasir/{drawerId}/prints',
  })
  drawerId!: string;
  @ApiProperty({ format: 'uuid' }) tellerId!: string;
  @ApiProperty() tellerName!: string;
  @ApiProperty({ format: 'date', description: 'the WIB day of the drawer' }) businessDate!: string;
  @ApiProperty({
    enum: STATUSES,
    description:
      'UNOPENED and OPEN take cash; COUNTED (tutup kasir, waiting for approval) and CLOSED do not',
  })
  status!: CashDrawerStatus;
  @ApiProperty({
    type: 'integer',
    description: 'modal awal from the vault, rupiah (0 when not opened)',
  })
  openingFloat!: number;
  @ApiProperty({ type: ExpectedCashResponse, description: 'by kind, as the ledger booked it' })
  expected!: ExpectedCashResponse;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'the cash the teller counted, rupiah',
  })
  counted!: number | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'counted − expected: below zero short (kurang), above zero over (lebih)',
  })
  difference!: number | null;
  @ApiProperty({
    type: [DenominationResponse],
    description: 'the count by note and coin, when the teller gave it',
  })
  denominations!: DenominationResponse[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) openedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) countedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the supervisor who approved the closing',
  })
  approverName!: string | null;
}

export class CashDrawersResponse {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({
    type: [CashDrawerResponse],
    description: 'every teller who opened a drawer or moved cash that day; not closed first',
  })
  drawers!: CashDrawerResponse[];
  @ApiProperty({ type: 'integer', description: 'tellers of that day whose drawer is not CLOSED' })
  notClosed!: number;
}

/**
 * The drawer with the ledger's expected cash: live while the drawer is open or counted, the approved figure once
 * closed; the difference against it once counted.
 */
export function presentDrawer(
  view: CashDrawerView,
  expected: ExpectedCash,
  tellerName: string,
): CashDrawerResponse {
  const total =
    view.status === 'CLOSED' && view.expected ? view.expected.expectedRp : expected.expectedRp;
  const difference =
    view.status === 'CLOSED'
      ? view.differenceRp
      : view.countedRp === null
        ? null
        : view.countedRp - total;
  return {
    drawerId: view.drawerId,
    tellerId: view.tellerId,
    tellerName,
    businessDate: view.businessDate,
    status: view.status,
    openingFloat: view.openingFloatRp,
    expected: {
      lines: expected.lines.map((line) => ({
        kind: line.kind,
        count: line.count,
        in: line.inRp,
        out: line.outRp,
      })),
      total,
    },
    counted: view.countedRp,
    difference,
    denominations: view.denominations.map((line) => ({ value: line.valueRp, count: line.count })),
    openedAt: view.openedAt,
    countedAt: view.countedAt,
    closedAt: view.closedAt,
    approverName: view.approverName,
  };
}
