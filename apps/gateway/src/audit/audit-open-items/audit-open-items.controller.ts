import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { nowInWib } from '@koperasi/service-kit';
import { Roles } from '../../auth/auth.decorators.js';
import { BillpayQueries } from '../../queries/billpay-queries.js';
import { LoansQueries } from '../../queries/loans-queries.js';
import { AuditScopeQuery } from '../audit-query.dto.js';
import {
  AuditScopeGuard,
  InAuditScope,
  oneKoperasiOf,
  type AuditScope,
} from '../audit-scope.guard.js';

const DAY_MS = 24 * 3600 * 1000;

export class AuditOpenItemsResponse {
  @ApiProperty() koperasiId!: string;
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
}

/**
 * What the counter of one koperasi of the scope has left open, for the auditor's Ringkasan: read through the
 * audit scope so a city auditor gets the koperasi it chose, never another city's.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/open-items')
@Roles('auditor')
@UseGuards(AuditScopeGuard)
export class AuditOpenItemsController {
  constructor(
    private readonly billpay: BillpayQueries,
    private readonly loans: LoansQueries,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      "One koperasi's open items (a city auditor names it with ?koperasiId=): pending payments, unremitted installments, reconciliation differences",
  })
  @ApiOkResponse({ type: AuditOpenItemsResponse })
  @ApiBadRequestResponse({ description: 'a city auditor did not name a koperasi' })
  async openItems(
    @InAuditScope() scope: AuditScope,
    // Declared for validation and the OpenAPI document; the guard has read it into the scope.
    @Query() _query: AuditScopeQuery,
  ): Promise<AuditOpenItemsResponse> {
    const koperasiId = oneKoperasiOf(scope, 'the counter reports');
    const nowMs = Date.now();
    const today = nowInWib(nowMs).slice(0, 10);
    const yesterday = nowInWib(nowMs - DAY_MS).slice(0, 10);
    const [pendingYesterday, pendingToday, unremittedYesterday, unremittedToday, reconciliation] =
      await Promise.all([
        this.billpay.payments(koperasiId, { date: yesterday, status: 'PENDING' }),
        this.billpay.payments(koperasiId, { date: today, status: 'PENDING' }),
        this.loans.collections(koperasiId, { date: yesterday, status: 'UNREMITTED' }),
        this.loans.collections(koperasiId, { date: today, status: 'UNREMITTED' }),
        this.billpay.reconciliation(koperasiId, yesterday),
      ]);
    return {
      koperasiId,
      today,
      yesterday,
      pendingYesterday: pendingYesterday.length,
      pendingToday: pendingToday.length,
      unremittedCount: unremittedYesterday.count + unremittedToday.count,
      unremittedAmount: unremittedYesterday.amountRp + unremittedToday.amountRp,
      reconciliationDifferences: reconciliation.differences.length,
    };
  }
}
