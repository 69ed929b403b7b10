import { BadRequestException, Controller, Get, Inject, Param, UseGuards } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../database/pg-pool.provider.js';
import { InternalTokenGuard } from '../internal/internal-token.guard.js';
import { yearEndBalancesOf, type YearEndBalances } from './year-end-balances.js';

@Controller('internal/koperasi/:koperasiId/year-end-balances')
@UseGuards(InternalTokenGuard)
export class YearEndBalancesController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** The year's income and expense balances, which closing December closes into SHU belum dibagi. */
  @Get(':year')
  balances(
    @Param('koperasiId') koperasiId: string,
    @Param('year') year: string,
  ): Promise<YearEndBalances> {
    if (!/^\d{4}$/.test(year)) throw new BadRequestException('year must be written YYYY');
    return yearEndBalancesOf(this.pool, koperasiId, Number(year));
  }
}
