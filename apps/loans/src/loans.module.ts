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
import { AgreementsRepository } from './agreements/agreements.repository.js';
import { BankClient } from './bank/bank-client.js';
import { closeRemittanceCommandsProvider } from './commands/close-remittance/close-remittance-commands.provider.js';
import { collectInstallmentCommandsProvider } from './commands/collect-installment/collect-installment-commands.provider.js';
import { payBackRefusedCommandsProvider } from './commands/pay-back-refused/pay-back-refused-commands.provider.js';
import { NoticeDispatcher } from './dispatch/notice-dispatcher.js';
import { RemittanceDispatcher } from './dispatch/remittance-dispatcher.js';
import { eventStoreProvider } from './infrastructure/event-store.provider.js';
import { LOANS_CONFIG, type LoansConfig } from './infrastructure/loans-config.js';
import { AgreementsController } from './queries/agreements.controller.js';
import { CollectionQueriesController } from './queries/collection-queries.controller.js';
import { LoanLookupController } from './queries/loan-lookup.controller.js';
import { RemittanceQueriesController } from './queries/remittance-queries.controller.js';

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
export class LoansModule {
  static forRoot(config: LoansConfig): DynamicModule {
    return {
      module: LoansModule,
      // Global so PlatformModule's readiness factory can inject the pool, the consumer state and the relay.
      global: true,
      imports: [
        PlatformModule.forRoot({
          useFactory: readinessChecks,
          inject: [PG_POOL, CommandConsumerState, ServiceOutboxRelay],
        }),
      ],
      controllers: [
        eventStoreAuditController({ service: 'loans', internalApiToken: config.internalApiToken }),
        LoanLookupController,
        CollectionQueriesController,
        RemittanceQueriesController,
        AgreementsController,
      ],
      providers: [
        { provide: LOANS_CONFIG, useValue: config },
        // Twelve partitions handled at once, the two dispatchers, the relay and the query endpoints.
        pgPoolProvider(LOANS_CONFIG, (c: LoansConfig) => ({
          databaseUrl: c.databaseUrl,
          maxConnections: 24,
        })),
        {
          provide: OUTBOX_RELAY_OPTIONS,
          useValue: {
            relayName: 'loans',
            topic: config.eventsTopic,
            kafkaBrokers: config.kafkaBrokers,
          },
        },
        PgPoolCloser,
        eventStoreProvider,
        AgreementsRepository,
        BankClient,
        NoticeDispatcher,
        RemittanceDispatcher,
        collectInstallmentCommandsProvider,
        closeRemittanceCommandsProvider,
        payBackRefusedCommandsProvider,
        CommandConsumerState,
        ServiceOutboxRelay,
      ],
      exports: [PG_POOL, CommandConsumerState, ServiceOutboxRelay],
    };
  }
}
