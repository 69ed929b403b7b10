import {
  Controller,
  Get,
  Param,
  Inject,
  Query,
  UseGuards,
  BadRequestException,
} from '@nestjs/common';
import type { BankDepositView, BankFeeSettlementView } from '@koperasi/contracts';
import { isYearMonth } from '@koperasi/domain';
import type { Pool } from 'pg';
import { PG_POOL, isUuid } from '@koperasi/service-kit';
import { InternalTokenGuard } from '../../queries/internal-token.guard.js';

/** A supervisor's screen shows the latest; a koperasi deposits about once a day, so this is months of them. */
const MAX_LISTED = 200;
/** Ten years of months. */
const MAX_MONTHS = 120;

@Controller('internal/koperasi/:koperasiId/bank')
@UseGuards(InternalTokenGuard)
export class BankQueriesController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Setor ke bank, newest first. */
  @Get('deposits')
  async deposits(@Param('koperasiId') koperasiId: string): Promise<BankDepositView[]> {
    if (!isUuid(koperasiId)) return [];
    const { rows } = await this.pool.query<{ view: BankDepositView }>(
      `SELECT view FROM bank_deposits WHERE koperasi_id = $1 ORDER BY seq DESC LIMIT $2`,
      [koperasiId, MAX_LISTED],
    );
    return rows.map((row) => row.view);
  }

  /** What the bank has paid of each month's fees, by month, the latest months. */
  @Get('fee-settled')
  async feeSettled(
    @Param('koperasiId') koperasiId: string,
  ): Promise<{ period: string; settledRp: number }[]> {
    if (!isUuid(koperasiId)) return [];
    const { rows } = await this.pool.query<{ period: string; settled_rp: string }>(
      `SELECT period, sum(amount_rp) AS settled_rp FROM bank_fee_settlements WHERE koperasi_id = $1
       GROUP BY period ORDER BY period DESC LIMIT $2`,
      [koperasiId, MAX_MONTHS],
    );
    return rows.map((row) => ({ period: row.period, settledRp: Number(row.settled_rp) }));
  }

  /** The bank's fee settlements from month `from` (YYYY-MM) on, newest first. */
  @Get('fee-settlements')
  async feeSettlements(
    @Param('koperasiId') koperasiId: string,
    @Query('from') from?: string,
  ): Promise<BankFeeSettlementView[]> {
    if (from !== undefined && !isYearMonth(from))
      throw new BadRequestException('from must be a month YYYY-MM');
    if (!isUuid(koperasiId)) return [];
    const { rows } = await this.pool.query<{ view: BankFeeSettlementView }>(
      `SELECT view FROM bank_fee_settlements WHERE koperasi_id = $1 AND period >= $2 ORDER BY seq DESC LIMIT $3`,
      [koperasiId, from ?? '0000-01', MAX_LISTED],
    );
    return rows.map((row) => row.view);
  }
}
