import { Controller, Get, Inject, NotFoundException, Param, UseGuards } from '@nestjs/common';
import type { KoperasiView } from '@koperasi/contracts';
import type { Pool } from 'pg';
import { PG_POOL, isUuid } from '@koperasi/service-kit';
import { KOPERASI_COLUMNS, koperasiViewOf, type KoperasiRow } from '../koperasi/koperasi-row.js';
import { InternalTokenGuard } from './internal-token.guard.js';

/** Far above the country's 83,000 koperasi per deployment is not expected; the list stays bounded anyway. */
const MAX_KOPERASI_LISTED = 1000;

@Controller('internal/koperasi')
@UseGuards(InternalTokenGuard)
export class KoperasiQueriesController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get()
  async list(): Promise<KoperasiView[]> {
    const { rows } = await this.pool.query<KoperasiRow>(
      `SELECT ${KOPERASI_COLUMNS} FROM koperasi ORDER BY code LIMIT $1`,
      [MAX_KOPERASI_LISTED],
    );
    return rows.map(koperasiViewOf);
  }

  @Get(':koperasiId')
  async get(@Param('koperasiId') koperasiId: string): Promise<KoperasiView> {
    if (!isUuid(koperasiId)) throw new NotFoundException('No such koperasi');
    const { rows } = await this.pool.query<KoperasiRow>(
      `SELECT ${KOPERASI_COLUMNS} FROM koperasi WHERE id = $1`,
      [koperasiId],
    );
    if (!rows[0]) throw new NotFoundException('No such koperasi');
    return koperasiViewOf(rows[0]);
  }
}
