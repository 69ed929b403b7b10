import {
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  Query,
  UseGuards,
} from '@nestjs/common';
import type { SavingsBalances } from '@koperasi/contracts';
import type { Pool } from 'pg';
import { PG_POOL } from '../../database/pg-pool.provider.js';
import { InternalTokenGuard } from '../../internal/internal-token.guard.js';
import { cutOffFrom } from '../cut-off.js';
import { parseLimit } from '../parse-limit.js';
import { memberSavingsOf } from './member-savings.query.js';
import type { SavingsStatementView } from './savings-statement-view.js';
import { savingsStatementOf } from './savings-statement.query.js';

const DEFAULT_STATEMENT_LINES = 100;

@Controller('internal/koperasi/:koperasiId/members/:memberId/savings')
@UseGuards(InternalTokenGuard)
export class MemberSavingsController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get()
  async savings(
    @Param('koperasiId') koperasiId: string,
    @Param('memberId') memberId: string,
    @Query('asOf') asOf?: string,
  ): Promise<SavingsBalances> {
    const savings = await memberSavingsOf(this.pool, koperasiId, memberId, cutOffFrom(asOf));
    if (!savings) throw notFound(koperasiId, memberId);
    return savings;
  }

  @Get('statement')
  async statement(
    @Param('koperasiId') koperasiId: string,
    @Param('memberId') memberId: string,
    @Query('asOf') asOf?: string,
    @Query('limit') limit?: string,
  ): Promise<SavingsStatementView> {
    const cutOff = cutOffFrom(asOf);
    const lineLimit = parseLimit(limit, DEFAULT_STATEMENT_LINES);
    if (!(await memberSavingsOf(this.pool, koperasiId, memberId, null)))
      throw notFound(koperasiId, memberId);
    return savingsStatementOf(this.pool, koperasiId, memberId, cutOff, lineLimit);
  }
}

function notFound(koperasiId: string, memberId: string): NotFoundException {
  return new NotFoundException(
    `Member ${memberId} has no savings ledger in koperasi ${koperasiId}`,
  );
}
