import {
  BadRequestException,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  Query,
  UseGuards,
} from '@nestjs/common';
import type { CashDrawerView } from '@koperasi/contracts';
import { isCalendarDay } from '@koperasi/domain';
import type { Pool } from 'pg';
import { PG_POOL, isUuid, nowInWib } from '@koperasi/service-kit';
import { InternalTokenGuard } from '../../queries/internal-token.guard.js';
import { findCashDrawer } from '../read-model/find-cash-drawer.js';

/** Far above the tellers of one koperasi; the list stays bounded anyway. */
const MAX_DRAWERS_LISTED = 500;

@Controller('internal/koperasi/:koperasiId/cash-drawers')
@UseGuards(InternalTokenGuard)
export class CashDrawerQueriesController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** The drawers opened or counted on a WIB day (today without `date`); unopened drawers are not listed. */
  @Get()
  async list(
    @Param('koperasiId') koperasiId: string,
    @Query('date') date?: string,
  ): Promise<CashDrawerView[]> {
    if (!isUuid(koperasiId)) return [];
    const { rows } = await this.pool.query<{ view: CashDrawerView }>(
      `SELECT view FROM cash_drawers WHERE koperasi_id = $1 AND business_date = $2 ORDER BY teller_id LIMIT $3`,
      [koperasiId, dayOf(date), MAX_DRAWERS_LISTED],
    );
    return rows.map((row) => row.view);
  }

  /** The drawers opened or counted and not yet closed, of any day up to today, oldest day first. */
  @Get('not-closed')
  async notClosed(@Param('koperasiId') koperasiId: string): Promise<CashDrawerView[]> {
    if (!isUuid(koperasiId)) return [];
    const { rows } = await this.pool.query<{ view: CashDrawerView }>(
      `SELECT view FROM cash_drawers WHERE koperasi_id = $1 AND status <> 'CLOSED'
       ORDER BY business_date, teller_id LIMIT $2`,
      [koperasiId, MAX_DRAWERS_LISTED],
    );
    return rows.map((row) => row.view);
  }

  /** A drawer by its id, for its recap receipt; 404 for an unopened one or another koperasi's. */
  @Get('by-id/:drawerId')
  async byId(
    @Param('koperasiId') koperasiId: string,
    @Param('drawerId') drawerId: string,
  ): Promise<CashDrawerView> {
    if (!isUuid(koperasiId) || !isUuid(drawerId)) throw new NotFoundException('No such drawer');
    const { rows } = await this.pool.query<{ view: CashDrawerView }>(
      `SELECT view FROM cash_drawers WHERE koperasi_id = $1 AND drawer_id = $2`,
      [koperasiId, drawerId],
    );
    if (!rows[0]) throw new NotFoundException('No such drawer');
    return rows[0].view;
  }

  /** One teller's drawer of a day; UNOPENED when the teller has not opened or counted it. */
  @Get(':tellerId')
  one(
    @Param('koperasiId') koperasiId: string,
    @Param('tellerId') tellerId: string,
    @Query('date') date?: string,
  ): Promise<CashDrawerView> {
    if (!isUuid(koperasiId)) throw new BadRequestException('koperasiId is not a koperasi id');
    return findCashDrawer(this.pool, koperasiId, tellerId, dayOf(date));
  }
}

function dayOf(date: string | undefined): string {
  if (date === undefined) return nowInWib().slice(0, 10);
  if (!isCalendarDay(date))
    throw new BadRequestException('date must be a calendar date YYYY-MM-DD');
  return date;
}
