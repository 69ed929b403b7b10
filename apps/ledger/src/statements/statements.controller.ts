import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../database/pg-pool.provider.js';
import { InternalTokenGuard } from '../internal/internal-token.guard.js';
import { financialStatementsOf } from './financial-statements.query.js';
import { generalLedgerOf } from './general-ledger.query.js';
import { statementPeriodFrom } from './statement-period.js';
import type { FinancialStatementsView, GeneralLedgerView } from './statement-views.js';

@Controller('internal/koperasi/:koperasiId')
@UseGuards(InternalTokenGuard)
export class StatementsController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get('statements')
  statements(
    @Param('koperasiId') koperasiId: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
  ): Promise<FinancialStatementsView> {
    return financialStatementsOf(this.pool, koperasiId, statementPeriodFrom({ from, to }));
  }

  @Get('general-ledger/:code')
  generalLedger(
    @Param('koperasiId') koperasiId: string,
    @Param('code') code: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
  ): Promise<GeneralLedgerView> {
    return generalLedgerOf(this.pool, koperasiId, code, statementPeriodFrom({ from, to }));
  }
}
