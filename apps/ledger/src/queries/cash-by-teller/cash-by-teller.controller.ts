import { BadRequestException, Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../../database/pg-pool.provider.js';
import { InternalTokenGuard } from '../../internal/internal-token.guard.js';
import { businessDateWib } from '../../domain/index.js';
import { cashByTellerOn } from './cash-by-teller.query.js';
import type { TellerCashView } from './teller-cash-view.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

@Controller('internal/koperasi/:koperasiId/cash-by-teller')
@UseGuards(InternalTokenGuard)
export class CashByTellerController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** `date` is the business day in WIB; without it, today's. */
  @Get()
  cashByTeller(@Param('koperasiId') koperasiId: string, @Query('date') date?: string): Promise<TellerCashView[]> {
    return cashByTellerOn(this.pool, koperasiId, date === undefined ? businessDateWib(new Date()) : parseDate(date));
  }
}

function parseDate(date: string): string {
  // Round-tripping through Date rejects 2025-02-30 and the like.
  if (!ISO_DATE.test(date) || Number.isNaN(Date.parse(date)) || new Date(date).toISOString().slice(0, 10) !== date) {
    throw new BadRequestException('date must be a calendar date YYYY-MM-DD');
  }
  return date;
}
