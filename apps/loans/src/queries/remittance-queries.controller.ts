import { Controller, Get, Inject, NotFoundException, Param, UseGuards } from '@nestjs/common';
import type { RemittanceView } from '@koperasi/contracts';
import type { Pool } from 'pg';
import { PG_POOL, isUuid } from '@koperasi/service-kit';
import {
  REMITTANCE_VIEW_QUERY,
  remittanceViewOf,
  type RemittanceRow,
} from '../read-model/remittance-row.js';
import { InternalTokenGuard } from './internal-token.guard.js';

@Controller('internal/koperasi/:koperasiId/remittances')
@UseGuards(InternalTokenGuard)
export class RemittanceQueriesController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get(':remittanceId')
  async get(
    @Param('koperasiId') koperasiId: string,
    @Param('remittanceId') remittanceId: string,
  ): Promise<RemittanceView> {
    if (isUuid(koperasiId) && isUuid(remittanceId)) {
      const { rows } = await this.pool.query<RemittanceRow>(
        `${REMITTANCE_VIEW_QUERY} WHERE remittance_id = $1 AND koperasi_id = $2`,
        [remittanceId, koperasiId],
      );
      if (rows[0]) return remittanceViewOf(rows[0]);
    }
    throw new NotFoundException(`No remittance ${remittanceId} in this koperasi`);
  }
}
