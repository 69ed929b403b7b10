import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Inject,
  Param,
  Put,
  UseGuards,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../database/pg-pool.provider.js';
import { InternalTokenGuard } from '../internal/internal-token.guard.js';
import { closePeriod, periodClosingsOf, type PeriodClosingView } from './period-closings.js';

@Controller('internal/koperasi/:koperasiId/period-closings')
@UseGuards(InternalTokenGuard)
export class PeriodClosingsController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get()
  closings(@Param('koperasiId') koperasiId: string): Promise<PeriodClosingView[]> {
    return periodClosingsOf(this.pool, koperasiId);
  }

  @Put(':month')
  close(
    @Param('koperasiId') koperasiId: string,
    @Param('month') month: string,
    @Body() body: { closedBy?: unknown },
  ): Promise<PeriodClosingView> {
    if (typeof body?.closedBy !== 'string' || body.closedBy === '')
      throw new BadRequestException('closedBy is required: the user id');
    return closePeriod(this.pool, koperasiId, month, body.closedBy);
  }
}
