import { Module, type DynamicModule } from '@nestjs/common';
import type { Pool } from 'pg';
import { PlatformModule, type ReadinessCheck } from '@koperasi/platform';
import { PG_POOL, PgPoolCloser, pgPoolProvider } from './database/pg-pool.provider.js';
import { InternalTokenGuard } from './internal/internal-token.guard.js';
import { LEDGER_OPTIONS, resolveLedgerOptions, type LedgerOptions } from './ledger-options.js';
import { MemberEventsConsumer } from './posting/member-events-consumer.js';
import { AccountsController } from './queries/accounts/accounts.controller.js';
import { CashByTellerController } from './queries/cash-by-teller/cash-by-teller.controller.js';
import { EntriesController } from './queries/entries/entries.controller.js';
import { MemberSavingsController } from './queries/member-savings/member-savings.controller.js';
import { TrialBalanceController } from './queries/trial-balance/trial-balance.controller.js';

@Module({})
export class LedgerModule {
  static forRoot(options: LedgerOptions): DynamicModule {
    const optionsProvider = { provide: LEDGER_OPTIONS, useValue: resolveLedgerOptions(options) };
    return {
      module: LedgerModule,
      global: true,
      imports: [
        PlatformModule.forRoot({
          inject: [PG_POOL, MemberEventsConsumer],
          useFactory: (pool: Pool, consumer: MemberEventsConsumer): ReadinessCheck[] => [
            { name: 'database', check: async () => (await pool.query('SELECT 1')).rowCount === 1 },
            { name: 'members-events-consumer', check: () => consumer.isReady() },
          ],
        }),
      ],
      controllers: [AccountsController, TrialBalanceController, EntriesController, MemberSavingsController, CashByTellerController],
      providers: [optionsProvider, pgPoolProvider, PgPoolCloser, MemberEventsConsumer, InternalTokenGuard],
      exports: [optionsProvider, pgPoolProvider, MemberEventsConsumer],
    };
  }
}
