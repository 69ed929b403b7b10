import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type ReadinessCheck } from '@koperasi/platform';
import type { Pool } from 'pg';
import {
  CommandConsumerState,
  OUTBOX_RELAY_OPTIONS,
  PG_POOL,
  PgPoolCloser,
  ServiceOutboxRelay,
  eventStoreAuditController,
  pgPoolProvider,
} from '@koperasi/service-kit';
import { bankCommandsProvider } from './bank/commands/bank-commands.provider.js';
import { BankQueriesController } from './bank/queries/bank-queries.controller.js';
import { cashDrawerCommandsProvider } from './cash-drawer/commands/cash-drawer-commands.provider.js';
import { CashDrawerQueriesController } from './cash-drawer/queries/cash-drawer-queries.controller.js';
import { memberCommandsProvider } from './commands/member-commands.provider.js';
import { registerMemberCommandsProvider } from './commands/register-member/register-member-commands.provider.js';
import { eventStoreProvider } from './infrastructure/event-store.provider.js';
import { MEMBERS_CONFIG, type MembersConfig } from './infrastructure/members-config.js';
import { koperasiCommandsProvider } from './koperasi/commands/koperasi-commands.provider.js';
import { periodClosingCommandsProvider } from './period-closing/commands/period-closing-commands.provider.js';
import { PeriodClosingQueriesController } from './period-closing/queries/period-closing-queries.controller.js';
import { KoperasiQueriesController } from './queries/koperasi-queries.controller.js';
import { MemberQueriesController } from './queries/member-queries.controller.js';
import { SavingsMovementQueriesController } from './queries/savings-movement-queries.controller.js';

/** Readiness: the database answers, the command consumer holds partitions, and the relay is publishing. */
function readinessChecks(
  pool: Pool,
  consumer: CommandConsumerState,
  relay: ServiceOutboxRelay,
): ReadinessCheck[] {
  return [
    { name: 'database', check: async () => (await pool.query('SELECT 1')).rowCount === 1 },
    { name: 'kafka-command-consumer', check: () => consumer.ready },
    { name: 'outbox-relay', check: () => relay.healthy },
  ];
}

@Module({})
export class MembersModule {
  static forRoot(config: MembersConfig): DynamicModule {
    return {
      module: MembersModule,
      // Global so PlatformModule's readiness factory can inject the pool, the consumer state and the relay.
      global: true,
      imports: [
        PlatformModule.forRoot({
          useFactory: readinessChecks,
          inject: [PG_POOL, CommandConsumerState, ServiceOutboxRelay],
        }),
      ],
      controllers: [
        PeriodClosingQueriesController,
        KoperasiQueriesController,
        MemberQueriesController,
        SavingsMovementQueriesController,
        CashDrawerQueriesController,
        BankQueriesController,
        eventStoreAuditController({
          service: 'members',
          internalApiToken: config.internalApiToken,
        }),
      ],
      providers: [
        { provide: MEMBERS_CONFIG, useValue: config },
        // Twelve partitions are handled at once, plus the relay and the query endpoints.
        pgPoolProvider(MEMBERS_CONFIG, (c: MembersConfig) => ({
          databaseUrl: c.databaseUrl,
          maxConnections: 24,
        })),
        {
          provide: OUTBOX_RELAY_OPTIONS,
          useValue: {
            relayName: 'members',
            topic: config.eventsTopic,
            kafkaBrokers: config.kafkaBrokers,
          },
        },
        PgPoolCloser,
        eventStoreProvider,
        memberCommandsProvider,
        cashDrawerCommandsProvider,
        bankCommandsProvider,
        periodClosingCommandsProvider,
        registerMemberCommandsProvider,
        koperasiCommandsProvider,
        CommandConsumerState,
        ServiceOutboxRelay,
      ],
      exports: [PG_POOL, CommandConsumerState, ServiceOutboxRelay],
    };
  }
}
