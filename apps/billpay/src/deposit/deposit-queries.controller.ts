import { Controller, Get, Inject, Param, UseGuards } from '@nestjs/common';
import type { DepositView } from '@koperasi/contracts';
import type { Pool } from 'pg';
import { PG_POOL, isUuid } from '@koperasi/service-kit';
import { InternalTokenGuard } from '../infrastructure/internal-token.guard.js';

@Controller('internal/koperasi/:koperasiId/deposit')
@UseGuards(InternalTokenGuard)
export class DepositQueriesController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** A koperasi that never topped up has an empty deposit, not a missing one. */
  @Get()
  async get(@Param('koperasiId') koperasiId: string): Promise<DepositView> {
    if (!isUuid(koperasiId)) return { balanceRp: 0, reservedRp: 0, availableRp: 0 };
    const { rows } = await this.pool.query<{ balance_rp: string; reserved_rp: string }>(
      'SELECT balance_rp, reserved_rp FROM deposits WHERE koperasi_id = $1',
      [koperasiId],
    );
    const balanceRp = Number(rows[0]?.balance_rp ?? 0);
    const reservedRp = Number(rows[0]?.reserved_rp ?? 0);
    return { balanceRp, reservedRp, availableRp: balanceRp - reservedRp };
  }
}
