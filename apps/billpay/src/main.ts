import { Topics } from '@koperasi/contracts';
import { startEventSourcedService } from '@koperasi/service-kit';
import { billpayCommandTable } from './billpay-command-table.js';
import { BillpayModule } from './billpay.module.js';
import { billpayMigrations } from './infrastructure/billpay-migrations.js';
import { readBillpayConfig } from './infrastructure/billpay-config.js';

startEventSourcedService({
  name: 'billpay',
  config: { ...readBillpayConfig(), eventsTopic: Topics.billpayEvents },
  migrations: billpayMigrations,
  commandTable: billpayCommandTable,
  module: (config) => BillpayModule.forRoot(config),
  // An aggregator callback's signature covers its exact bytes, not a re-serialised parse.
  rawBody: true,
  // Its commands wait on the aggregator; flushes at once keep one slow partner call from holding the rest.
  maxFlushesInFlight: 12,
});
