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
import { businessDateWib, isCalendarDate } from '../../domain/index.js';
import type { ExpectedCash } from '@koperasi/contracts';
import { cashByTellerOn } from './cash-by-teller.query.js';
import { drawerCashOn } from './drawer-cash.query.js';
import type { TellerCashView } from './teller-cash-view.js';

@Controller('internal/koperasi/:koperasiId/cash-by-teller')
@UseGuards(InternalTokenGuard)
export class CashByTellerController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** `date` is the business day in WIB; without it, today's. */
  @Get()
  cashByTeller(
    @Param('koperasiId') koperasiId: string,
    @Query('date') date?: string,
  ): Promise<TellerCashView[]> {
    return cashByTellerOn(
      this.pool,
      koperasiId,
      date === undefined ? businessDateWib(new Date()) : parseDate(date),
    );
  }

  /** One teller's drawer of a day by kind: what the teller should count at tutup kasir. */
  @Get(':tellerId')
  drawerCash(
    @Param('koperasiId') koperasiId: string,
    @Param('tellerId') tellerId: string,
    @Query('date') date?: string,
  ): Promise<ExpectedCash> {
    return drawerCashOn(
      this.pool,
      koperasiId,
      tellerId,
      date === undefined ? businessDateWib(new Date()) : parseDate(date),
    );
  }
}

function parseDate(date: string): string {
  if (!isCalendarDate(date)) {
    throw new BadRequestException('date must be a calendar date YYYY-MM-DD');
  }
  return date;
}
