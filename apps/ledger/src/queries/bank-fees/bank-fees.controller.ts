import { Controller, Get, Inject, Param, UseGuards } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../../database/pg-pool.provider.js';
import { InternalTokenGuard } from '../../internal/internal-token.guard.js';
import { accruedBankFees, type AccruedBankFeesView } from './bank-fees-accrued.query.js';

@Controller('internal/koperasi/:koperasiId/bank-fees')
@UseGuards(InternalTokenGuard)
export class BankFeesController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** The collection fees the bank came to owe, month by month, oldest first. */
  @Get('accrued')
  accrued(@Param('koperasiId') koperasiId: string): Promise<AccruedBankFeesView[]> {
    return accruedBankFees(this.pool, koperasiId);
  }
}
