import type { MigrationClass } from '@koperasi/database';
import {
  EventStoreAuditIndexes1790000000003,
  EventStoreSchema1790000000000,
} from '@koperasi/eventstore';
import { ConsumerSchema1790000000001 } from '@koperasi/messaging';
import { MembersMovementsByDay1790000000200 } from './members-movements-index.migration.js';
import { BankMoney1790000000410 } from '../bank/read-model/bank-money.migration.js';
import { CashDrawers1790000000400 } from '../cash-drawer/read-model/cash-drawers.migration.js';
import { CashDrawersNotClosed1790000000420 } from '../cash-drawer/read-model/cash-drawers-not-closed.migration.js';
import { MembersReadModel1790000000100 } from './members-read-model.migration.js';
import { PeriodClosings1790000000430 } from '../period-closing/read-model/period-closings.migration.js';

export const membersMigrations: MigrationClass[] = [
  EventStoreSchema1790000000000,
  ConsumerSchema1790000000001,
  EventStoreAuditIndexes1790000000003,
  MembersReadModel1790000000100,
  MembersMovementsByDay1790000000200,
  CashDrawers1790000000400,
  BankMoney1790000000410,
  CashDrawersNotClosed1790000000420,
  PeriodClosings1790000000430,
];
