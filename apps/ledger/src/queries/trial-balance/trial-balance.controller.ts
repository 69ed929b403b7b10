import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../../database/pg-pool.provider.js';
import { InternalTokenGuard } from '../../internal/internal-token.guard.js';
import { cutOffFrom } from '../cut-off.js';
import type { TrialBalanceView } from './trial-balance-view.js';
import { trialBalanceOf } from './trial-balance.query.js';

@Controller('internal/koperasi/:koperasiId/trial-balance')
@UseGuards(InternalTokenGuard)
export class TrialBalanceController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get()
  trialBalance(
    @Param('koperasiId') koperasiId: string,
    @Query('asOf') asOf?: string,
  ): Promise<TrialBalanceView> {
    return trialBalanceOf(this.pool, koperasiId, cutOffFrom(asOf));
  }
}
