import { BadRequestException, Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../../database/pg-pool.provider.js';
import { InternalTokenGuard } from '../../internal/internal-token.guard.js';
import type { TrialBalanceView } from './trial-balance-view.js';
import { trialBalanceOf } from './trial-balance.query.js';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

@Controller('internal/koperasi/:koperasiId/trial-balance')
@UseGuards(InternalTokenGuard)
export class TrialBalanceController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get()
  trialBalance(@Param('koperasiId') koperasiId: string, @Query('asOf') asOf?: string): Promise<TrialBalanceView> {
    return trialBalanceOf(this.pool, koperasiId, asOf === undefined || asOf === '' ? null : parseAsOf(asOf));
  }
}

/** An instant with its zone, or a bare date meaning the end of that business day in WIB. */
function parseAsOf(given: string): Date {
  // An unencoded `+07:00` reaches us as ` 07:00`, since a query string reads `+` as a space.
  const asOf = given.replace(/ (\d{2}:\d{2})$/, '+$1');
  const instant = new Date(ISO_DATE.test(asOf) ? `${asOf}T23:59:59.999+07:00` : asOf);
  if (!(ISO_INSTANT.test(asOf) || ISO_DATE.test(asOf)) || Number.isNaN(instant.getTime())) {
    throw new BadRequestException('asOf must be YYYY-MM-DD or an ISO 8601 date-time with a zone, e.g. 2025-07-31T23:59:59+07:00');
  }
  return instant;
}
