import { Controller, Get, Inject, Param, UseGuards } from '@nestjs/common';
import type { PeriodClosingView } from '@koperasi/contracts';
import { PG_POOL, isUuid } from '@koperasi/service-kit';
import type { Pool } from 'pg';
import { InternalTokenGuard } from '../../queries/internal-token.guard.js';

@Controller('internal/koperasi/:koperasiId/period-closings')
@UseGuards(InternalTokenGuard)
export class PeriodClosingQueriesController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** The months closed, oldest first, with who closed them and when. */
  @Get()
  async closings(@Param('koperasiId') koperasiId: string): Promise<PeriodClosingView[]> {
    if (!isUuid(koperasiId)) return [];
    const { rows } = await this.pool.query<{ view: PeriodClosingView }>(
      `SELECT view FROM period_closings WHERE koperasi_id = $1 ORDER BY month`,
      [koperasiId],
    );
    return rows.map((row) => row.view);
  }
}
