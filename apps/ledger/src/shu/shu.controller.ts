import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  Put,
  UnprocessableEntityException,
  UseGuards,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { readShuBases } from '../audit/shu/compute-shu.js';
import type { ServiceStore } from '../audit/index.js';
import { REPLAY_STORES } from '../audit-jobs/replay-jobs.js';
import { PG_POOL } from '../database/pg-pool.provider.js';
import { InternalTokenGuard } from '../internal/internal-token.guard.js';
import { financialStatementsOf } from '../statements/financial-statements.query.js';
import { distributeShu, type ShuDistribution } from './distribute-shu.js';
import { parseShuAllocation } from './shu-allocation.js';
import { shuBookingOf, type ShuBooking } from './shu-booking.js';
import {
  currentShuAllocation,
  recordShuAllocation,
  type ShuAllocationSetting,
} from './shu-allocation.store.js';

const FIRST_YEAR = 2000;
const LAST_YEAR = 9998;

/** SHU per koperasi: its AD/ART percentages, and the year's distribution from the hasil usaha and the members' history. */
@Controller('internal/koperasi/:koperasiId')
@UseGuards(InternalTokenGuard)
export class ShuController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(REPLAY_STORES) private readonly stores: ServiceStore[],
  ) {}

  @Get('shu-allocation')
  async allocation(@Param('koperasiId') koperasiId: string): Promise<ShuAllocationSetting> {
    const setting = await currentShuAllocation(this.pool, koperasiId);
    if (!setting)
      throw new NotFoundException(
        'Persentase pembagian SHU menurut AD/ART belum diatur untuk koperasi ini',
      );
    return setting;
  }

  @Put('shu-allocation')
  async setAllocation(
    @Param('koperasiId') koperasiId: string,
    @Body() body: { allocation?: unknown; setBy?: unknown },
  ): Promise<ShuAllocationSetting> {
    if (typeof body?.setBy !== 'string' || body.setBy === '')
      throw new BadRequestException('setBy is required: the user id');
    const parsed = parseShuAllocation(body.allocation);
    if (!parsed.ok) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: `Persentase SHU tidak dapat dipakai: ${parsed.problems.join('; ')}`,
        details: parsed.problems,
      });
    }
    return recordShuAllocation(this.pool, koperasiId, parsed.allocation, body.setBy);
  }

  @Get('shu/:year')
  async distribution(
    @Param('koperasiId') koperasiId: string,
    @Param('year') yearText: string,
  ): Promise<ShuDistribution & { booked: ShuBooking | null }> {
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < FIRST_YEAR || year > LAST_YEAR)
      throw new BadRequestException(
        `year must be a financial year from ${FIRST_YEAR} to ${LAST_YEAR}`,
      );
    const setting = await this.allocation(koperasiId);
    const { operatingResult } = await financialStatementsOf(this.pool, koperasiId, {
      from: `${year}-01-01`,
      to: `${year}-12-31`,
    });
    if (operatingResult.surplusRp <= 0) {
      throw new UnprocessableEntityException(
        `Tidak ada SHU untuk dibagi: hasil usaha tahun ${year} adalah Rp ${operatingResult.surplusRp}`,
      );
    }
    const members = this.stores.find((store) => store.service === 'members');
    if (!members) throw new Error('The members event store is not configured');
    const membersDatabaseUrl = members.databaseUrl;
    const [{ bases }, booked] = await Promise.all([
      readShuBases({ membersDatabaseUrl, koperasiId, year }),
      shuBookingOf({ membersDatabaseUrl, koperasiId, year }),
    ]);
    return {
      ...distributeShu(koperasiId, year, operatingResult.surplusRp, setting.allocation, bases),
      booked,
    };
  }
}
