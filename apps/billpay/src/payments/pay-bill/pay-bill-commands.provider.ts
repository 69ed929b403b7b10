import { PostgresEventStore } from '@koperasi/eventstore';
import { DeciderCommandHandler, PG_POOL } from '@koperasi/service-kit';
import type { Pool } from 'pg';
import { CatalogRepository } from '../../catalog/catalog.repository.js';
import { PaymentDispatcher } from '../../dispatch/payment-dispatcher.js';
import { BILLPAY_CONFIG, type BillpayConfig } from '../../infrastructure/billpay-config.js';
import { payBillAggregate } from './pay-bill-aggregate.js';
import { PAY_BILL_ROUTES } from './pay-bill-routes.js';

/** The batch handler of bill payments; the command table gives it its command. */
export const PAY_BILL_COMMANDS = Symbol('PAY_BILL_COMMANDS');

export const payBillCommandsProvider = {
  provide: PAY_BILL_COMMANDS,
  inject: [PG_POOL, PostgresEventStore, BILLPAY_CONFIG, CatalogRepository, PaymentDispatcher],
  useFactory: (
    pool: Pool,
    store: PostgresEventStore,
    config: BillpayConfig,
    catalog: CatalogRepository,
    dispatcher: PaymentDispatcher,
  ) =>
    new DeciderCommandHandler(
      pool,
      store,
      payBillAggregate(pool, catalog, dispatcher, config.dispatch.resumeAfterMs),
      PAY_BILL_ROUTES,
    ),
};
