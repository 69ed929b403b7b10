import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { nowInWib } from '@koperasi/service-kit';
import { Roles } from '../../auth/auth.decorators.js';
import { UsersRepository } from '../../auth/users.repository.js';
import { BillpayQueries } from '../../queries/billpay-queries.js';
import { LoansQueries } from '../../queries/loans-queries.js';
import { MembersQueries } from '../../queries/query-clients.js';
import { AuditScopeQuery } from '../audit-query.dto.js';
import {
  AuditScopeGuard,
  InAuditScope,
  oneKoperasiOf,
  type AuditScope,
} from '../audit-scope.guard.js';
import {
  AuditOpenItemsResponse,
  presentOpenDrawer,
  type AuditOpenDrawerResponse,
} from './audit-open-items.response.js';

const DAY_MS = 24 * 3600 * 1000;

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
    private readonly members: MembersQueries,
    private readonly users: UsersRepository,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      "One koperasi's open items (a city auditor names it with ?koperasiId=): its name, pending payments, unremitted installments, reconciliation differences, drawers not closed",
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
    const [
      koperasi,
      pendingYesterday,
      pendingToday,
      unremittedYesterday,
      unremittedToday,
      reconciliation,
      drawers,
    ] = await Promise.all([
      this.members.koperasi(koperasiId),
      this.billpay.payments(koperasiId, { date: yesterday, status: 'PENDING' }),
      this.billpay.payments(koperasiId, { date: today, status: 'PENDING' }),
      this.loans.collections(koperasiId, { date: yesterday, status: 'UNREMITTED' }),
      this.loans.collections(koperasiId, { date: today, status: 'UNREMITTED' }),
      this.billpay.reconciliation(koperasiId, yesterday),
      this.openDrawers(koperasiId),
    ]);
    return {
      koperasiId,
      koperasiName: koperasi.name,
      today,
      yesterday,
      pendingYesterday: pendingYesterday.length,
      pendingToday: pendingToday.length,
      unremittedCount: unremittedYesterday.count + unremittedToday.count,
      unremittedAmount: unremittedYesterday.amountRp + unremittedToday.amountRp,
      reconciliationDifferences: reconciliation.differences.length,
      drawersNotClosed: drawers.filter((drawer) => drawer.businessDate < today),
      drawersOpenToday: drawers.filter((drawer) => drawer.businessDate >= today),
    };
  }

  private async openDrawers(koperasiId: string): Promise<AuditOpenDrawerResponse[]> {
    const views = await this.members.cashDrawersNotClosed(koperasiId);
    const names = await this.users.fullNames(views.map((view) => view.tellerId));
    return views.map((view) => presentOpenDrawer(view, names.get(view.tellerId) ?? view.tellerId));
  }
}
