import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../../database/pg-pool.provider.js';
import { InternalTokenGuard } from '../../internal/internal-token.guard.js';
import { cutOffFrom } from '../cut-off.js';
import type { AccountView } from './account-view.js';
import { accountsOf } from './accounts.query.js';

@Controller('internal/koperasi/:koperasiId/accounts')
@UseGuards(InternalTokenGuard)
export class AccountsController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get()
  accounts(
    @Param('koperasiId') koperasiId: string,
    @Query('asOf') asOf?: string,
  ): Promise<AccountView[]> {
    return accountsOf(this.pool, koperasiId, cutOffFrom(asOf));
  }
}
