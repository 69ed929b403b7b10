import type { MigrationClass } from '@koperasi/database';
import {
  EventStoreAuditIndexes1790000000003,
  EventStoreSchema1790000000000,
} from '@koperasi/eventstore';
import { CommandResultsSchema1790000000002 } from '@koperasi/service-kit';
import { BillpayReadModel1790000000200 } from './billpay-read-model.migration.js';
import { BillpayReceiptDetails1790000000201 } from './billpay-receipt-details.migration.js';

export const billpayMigrations: MigrationClass[] = [
  EventStoreSchema1790000000000,
  CommandResultsSchema1790000000002,
  EventStoreAuditIndexes1790000000003,
  BillpayReadModel1790000000200,
  BillpayReceiptDetails1790000000201,
];
