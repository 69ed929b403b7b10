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
import { AggregatorClient } from './aggregator/aggregator-client.js';
import { CallbackService } from './callbacks/callback.service.js';
import { CallbacksController } from './callbacks/callbacks.controller.js';
import { CatalogRepository } from './catalog/catalog.repository.js';
import { ProductsController } from './catalog/products.controller.js';
import { DepositQueriesController } from './deposit/deposit-queries.controller.js';
import { ReconciliationController } from './deposit/reconciliation/reconciliation.controller.js';
import { ReconciliationService } from './deposit/reconciliation/reconciliation.service.js';
import { topUpDepositCommandsProvider } from './deposit/top-up-deposit/top-up-deposit-commands.provider.js';
import { PaymentDispatcher } from './dispatch/payment-dispatcher.js';
import { PaymentWorker } from './dispatch/payment-worker.js';
import { BILLPAY_CONFIG, type BillpayConfig } from './infrastructure/billpay-config.js';
import { eventStoreProvider } from './infrastructure/event-store.provider.js';
import { InquiriesController } from './inquiries/inquiries.controller.js';
import { InquiryService } from './inquiries/inquiry.service.js';
import { payBillCommandsProvider } from './payments/pay-bill/pay-bill-commands.provider.js';
import { PaymentOutcomes } from './payments/payment-outcomes.js';
import { PaymentQueriesController } from './payments/payment-queries.controller.js';
import { PaymentResolver } from './payments/payment-resolver.js';
import { refundCommandsProvider } from './payments/refund-payment/refund-commands.provider.js';

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
export class BillpayModule {
  static forRoot(config: BillpayConfig): DynamicModule {
    return {
      module: BillpayModule,
      // Global so PlatformModule's readiness factory can inject the pool, the consumer state and the relay.
      global: true,
      imports: [
        PlatformModule.forRoot({
          useFactory: readinessChecks,
          inject: [PG_POOL, CommandConsumerState, ServiceOutboxRelay],
        }),
      ],
      controllers: [
        eventStoreAuditController({
          service: 'billpay',
          internalApiToken: config.internalApiToken,
        }),
        ProductsController,
        InquiriesController,
        PaymentQueriesController,
        DepositQueriesController,
        ReconciliationController,
        CallbacksController,
      ],
      providers: [
        { provide: BILLPAY_CONFIG, useValue: config },
        // Twelve command partitions, the dispatcher's resolutions, the relay and the queries share it.
        pgPoolProvider(BILLPAY_CONFIG, (c: BillpayConfig) => ({
          databaseUrl: c.databaseUrl,
          maxConnections: 32,
        })),
        {
          provide: OUTBOX_RELAY_OPTIONS,
          useValue: {
            relayName: 'billpay',
            topic: config.eventsTopic,
            kafkaBrokers: config.kafkaBrokers,
          },
        },
        PgPoolCloser,
        eventStoreProvider,
        CommandConsumerState,
        ServiceOutboxRelay,
        AggregatorClient,
        CatalogRepository,
        InquiryService,
        PaymentOutcomes,
        PaymentResolver,
        PaymentWorker,
        PaymentDispatcher,
        payBillCommandsProvider,
        refundCommandsProvider,
        topUpDepositCommandsProvider,
        CallbackService,
        ReconciliationService,
      ],
      exports: [PG_POOL, CommandConsumerState, ServiceOutboxRelay],
    };
  }
}
