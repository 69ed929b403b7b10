import {
  BadRequestException,
  Controller,
  Get,
  Inject,
  Param,
  Query,
  UseGuards,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../../database/pg-pool.provider.js';
import { InternalTokenGuard } from '../../internal/internal-token.guard.js';
import { parseFeeIncomeParams } from './fee-income-query-params.js';
import type { FeeIncomeView } from './fee-income-view.js';
import { feeIncomeOf } from './fee-income.query.js';

@Controller('internal/koperasi/:koperasiId/fee-income')
@UseGuards(InternalTokenGuard)
export class FeeIncomeController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get()
  feeIncome(
    @Param('koperasiId') koperasiId: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
    @Query('groupBy') groupBy?: string,
  ): Promise<FeeIncomeView> {
    const parsed = parseFeeIncomeParams({ from, to, groupBy });
    if (!parsed.ok) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: `Invalid fee income query: ${parsed.details.flatMap((problem) => problem.problems).join('; ')}`,
        details: parsed.details,
      });
    }
    return feeIncomeOf(this.pool, koperasiId, parsed.params);
  }
}
