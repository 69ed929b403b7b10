import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  IntersectionType,
} from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators.js';
import { AsOfQuery } from '../../ledger/ledger-reports/ledger-reports.query.js';
import {
  TrialBalanceResponse,
  presentTrialBalance,
} from '../../ledger/ledger-reports/ledger.responses.js';
import { LedgerQueries } from '../../queries/query-clients.js';
import { AuditScopeQuery } from '../audit-query.dto.js';
import {
  AuditScopeGuard,
  InAuditScope,
  oneKoperasiOf,
  type AuditScope,
} from '../audit-scope.guard.js';

export class AuditTrialBalanceQuery extends IntersectionType(AuditScopeQuery, AsOfQuery) {}

/** The books of one koperasi of the auditor's scope: a city auditor's choice, a koperasi auditor's own. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/trial-balance')
@Roles('auditor')
@UseGuards(AuditScopeGuard)
export class AuditTrialBalanceController {
  constructor(private readonly ledger: LedgerQueries) {}

  @Get()
  @ApiOperation({
    summary:
      'Trial balance of one koperasi of the scope (a city auditor names it with ?koperasiId=), now or as of a past instant',
  })
  @ApiOkResponse({ type: TrialBalanceResponse })
  @ApiBadRequestResponse({
    description: 'a city auditor did not name a koperasi: books are kept per koperasi',
  })
  async trialBalance(
    @InAuditScope() scope: AuditScope,
    @Query() query: AuditTrialBalanceQuery,
  ): Promise<TrialBalanceResponse> {
    return presentTrialBalance(
      await this.ledger.trialBalance(oneKoperasiOf(scope, 'books'), query.asOf),
    );
  }
}
