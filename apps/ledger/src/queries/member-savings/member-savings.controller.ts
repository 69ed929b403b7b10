import { Controller, Get, Inject, NotFoundException, Param, UseGuards } from '@nestjs/common';
import type { SavingsBalances } from '@koperasi/contracts';
import type { Pool } from 'pg';
import { PG_POOL } from '../../database/pg-pool.provider.js';
import { InternalTokenGuard } from '../../internal/internal-token.guard.js';
import { memberSavingsOf } from './member-savings.query.js';

@Controller('internal/koperasi/:koperasiId/members/:memberId/savings')
@UseGuards(InternalTokenGuard)
export class MemberSavingsController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get()
  async savings(@Param('koperasiId') koperasiId: string, @Param('memberId') memberId: string): Promise<SavingsBalances> {
    const savings = await memberSavingsOf(this.pool, koperasiId, memberId);
    if (!savings) throw new NotFoundException(`Member ${memberId} has no savings ledger in koperasi ${koperasiId}`);
    return savings;
  }
}
