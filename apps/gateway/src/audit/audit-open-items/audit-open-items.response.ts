import { ApiProperty } from '@nestjs/swagger';
import type { CashDrawerView } from '@koperasi/contracts';

export class AuditOpenDrawerResponse {
  @ApiProperty({ format: 'uuid' }) tellerId!: string;
  @ApiProperty() tellerName!: string;
  @ApiProperty({ format: 'date', description: 'the WIB day the drawer was opened' })
  businessDate!: string;
  @ApiProperty({
    enum: ['OPEN', 'COUNTED'],
    description:
      'OPEN: no tutup kasir yet; COUNTED: counted, waiting for the supervisor to approve',
  })
  status!: 'OPEN' | 'COUNTED';
  @ApiProperty({ type: 'integer', description: 'modal awal from the vault, rupiah' })
  openingFloat!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) openedAt!: string | null;
}

export class AuditOpenItemsResponse {
  @ApiProperty() koperasiId!: string;
  @ApiProperty({ example: 'KKMP Gedawang' }) koperasiName!: string;
  @ApiProperty({ example: '2026-03-14', description: 'WIB day' }) today!: string;
  @ApiProperty({ example: '2026-03-13', description: 'WIB day' }) yesterday!: string;
  @ApiProperty({ description: 'payments of yesterday still PENDING: older than a day' })
  pendingYesterday!: number;
  @ApiProperty({ description: 'payments of today still PENDING' }) pendingToday!: number;
  @ApiProperty({ description: 'installments of yesterday and today not yet remitted to the bank' })
  unremittedCount!: number;
  @ApiProperty({ description: 'their amount, rupiah' }) unremittedAmount!: number;
  @ApiProperty({ description: "differences in yesterday's PPOB reconciliation" })
  reconciliationDifferences!: number;
  @ApiProperty({
    type: [AuditOpenDrawerResponse],
    description: 'drawers opened on an earlier WIB day and still not closed, oldest first',
  })
  drawersNotClosed!: AuditOpenDrawerResponse[];
  @ApiProperty({
    type: [AuditOpenDrawerResponse],
    description: "today's drawers not closed yet: the counter is still working",
  })
  drawersOpenToday!: AuditOpenDrawerResponse[];
}

/** A drawer not closed as the auditor's Ringkasan lists it. */
export function presentOpenDrawer(
  view: CashDrawerView,
  tellerName: string,
): AuditOpenDrawerResponse {
  return {
    tellerId: view.tellerId,
    tellerName,
    businessDate: view.businessDate,
    // The members service lists only drawers not closed, and an unopened one has no row.
    status: view.status === 'COUNTED' ? 'COUNTED' : 'OPEN',
    openingFloat: view.openingFloatRp,
    openedAt: view.openedAt,
  };
}
