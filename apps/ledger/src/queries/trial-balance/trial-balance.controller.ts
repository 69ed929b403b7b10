import { BadRequestException, Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../../database/pg-pool.provider.js';
import { InternalTokenGuard } from '../../internal/internal-token.guard.js';
import { parseAsOf } from './parse-as-of.js';
import type { TrialBalanceView } from './trial-balance-view.js';
import { trialBalanceOf } from './trial-balance.query.js';

@Controller('internal/koperasi/:koperasiId/trial-balance')
@UseGuards(InternalTokenGuard)
export class TrialBalanceController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get()
  trialBalance(@Param('koperasiId') koperasiId: string, @Query('asOf') asOf?: string): Promise<TrialBalanceView> {
    if (asOf === undefined || asOf === '') return trialBalanceOf(this.pool, koperasiId, null);
    const cutOff = parseAsOf(asOf);
    if (!cutOff) {
      throw new BadRequestException('asOf must be YYYY-MM-DD or an ISO 8601 date-time, e.g. 2025-07-31T23:59:59+07:00');
    }
    return trialBalanceOf(this.pool, koperasiId, cutOff);
  }
}
