import type { MigrationClass } from '@koperasi/database';
import { ConsumerSchema1790000000001 } from '@koperasi/messaging';
import { LedgerSchema1790000000300 } from './ledger-schema.migration.js';
import { LedgerTraceAndFees1790000000301 } from './ledger-trace-and-fees.migration.js';
import { LedgerCashDrawerAccounts1790000000310 } from './ledger-cash-drawer.migration.js';
import { LedgerEquityAccounts1790000000340 } from './ledger-equity-accounts.migration.js';
import { LedgerAuditIndexes1790000000350 } from './ledger-audit-indexes.migration.js';
import { LedgerReplayJobs1790000000351 } from './ledger-replay-jobs.migration.js';
import { LedgerShuAllocation1790000000360 } from './ledger-shu-allocation.migration.js';
import { LedgerRefusedInstallmentsAccount1790000000370 } from './ledger-refused-installments-account.migration.js';
import { LedgerPeriodClosings1790000000380 } from './ledger-period-closings.migration.js';
import { LedgerAccountDays1790000000390 } from './ledger-account-days.migration.js';
import { LedgerShuPayableAccount1790000000400 } from './ledger-shu-payable-account.migration.js';

/** Every migration of the ledger database, in order; main.ts applies the pending ones at start. */
export const LEDGER_MIGRATIONS: MigrationClass[] = [
  ConsumerSchema1790000000001,
  LedgerSchema1790000000300,
  LedgerTraceAndFees1790000000301,
  LedgerCashDrawerAccounts1790000000310,
  LedgerEquityAccounts1790000000340,
  LedgerAuditIndexes1790000000350,
  LedgerReplayJobs1790000000351,
  LedgerShuAllocation1790000000360,
  LedgerRefusedInstallmentsAccount1790000000370,
  LedgerPeriodClosings1790000000380,
  LedgerAccountDays1790000000390,
  LedgerShuPayableAccount1790000000400,
];
