import { Topics } from '@koperasi/contracts';
import { startEventSourcedService } from '@koperasi/service-kit';
import { loansCommandTable } from './loans-command-table.js';
import { loansMigrations } from './infrastructure/loans-migrations.js';
import { readLoansConfig } from './infrastructure/loans-config.js';
import { LoansModule } from './loans.module.js';

startEventSourcedService({
  name: 'loans',
  config: { ...readLoansConfig(), eventsTopic: Topics.loansEvents },
  migrations: loansMigrations,
  commandTable: loansCommandTable,
  module: (config) => LoansModule.forRoot(config),
  // Its commands are handled one by one; flushes at once keep one slow command from holding the rest.
  maxFlushesInFlight: 12,
});
