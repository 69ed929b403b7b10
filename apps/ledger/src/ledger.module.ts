import { YearEndBalancesController } from './period-closing/year-end-balances.controller.js';
import { Module, type DynamicModule } from '@nestjs/common';
import type { Pool } from 'pg';
import { PlatformModule, type ReadinessCheck } from '@koperasi/platform';
import { LedgerAuditModule } from './audit-jobs/ledger-audit.module.js';
import { PG_POOL, PgPoolCloser, pgPoolProvider } from './database/pg-pool.provider.js';
import { SOURCE_SERVICES } from './domain/index.js';
import { InternalTokenGuard } from './internal/internal-token.guard.js';
import { LEDGER_OPTIONS, resolveLedgerOptions, type LedgerOptions } from './ledger-options.js';
import { LedgerEventConsumers } from './posting/ledger-event-consumers.js';
import { AccountsController } from './queries/accounts/accounts.controller.js';
import { BankFeesController } from './queries/bank-fees/bank-fees.controller.js';
import { CashByTellerController } from './queries/cash-by-teller/cash-by-teller.controller.js';
import { FeeIncomeController } from './queries/fee-income/fee-income.controller.js';
import { EntriesController } from './queries/entries/entries.controller.js';
import { MemberSavingsController } from './queries/member-savings/member-savings.controller.js';
import { TrialBalanceController } from './queries/trial-balance/trial-balance.controller.js';
import { StatementsController } from './statements/statements.controller.js';

@Module({})
export class LedgerModule {
  static forRoot(options: LedgerOptions): DynamicModule {
    const optionsProvider = { provide: LEDGER_OPTIONS, useValue: resolveLedgerOptions(options) };
    return {
      module: LedgerModule,
      global: true,
      imports: [
        LedgerAuditModule,
        PlatformModule.forRoot({
          inject: [PG_POOL, LedgerEventConsumers],
          useFactory: (pool: Pool, consumers: LedgerEventConsumers): ReadinessCheck[] => [
            { name: 'database', check: async () => (await pool.query('SELECT 1')).rowCount === 1 },
            ...SOURCE_SERVICES.map((service) => ({
              name: `${service}-events-consumer`,
              check: () => consumers.isReady(service),
            })),
          ],
        }),
      ],
      controllers: [
        YearEndBalancesController,
        AccountsController,
        TrialBalanceController,
        EntriesController,
        MemberSavingsController,
        CashByTellerController,
        FeeIncomeController,
        StatementsController,
        BankFeesController,
      ],
      providers: [
        optionsProvider,
        pgPoolProvider,
        PgPoolCloser,
        LedgerEventConsumers,
        InternalTokenGuard,
      ],
      exports: [optionsProvider, pgPoolProvider, LedgerEventConsumers],
    };
  }
}
