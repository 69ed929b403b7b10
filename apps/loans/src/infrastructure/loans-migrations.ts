import type { MigrationClass } from '@koperasi/database';
import {
  EventStoreAuditIndexes1790000000003,
  EventStoreSchema1790000000000,
} from '@koperasi/eventstore';
import { ConsumerSchema1790000000001 } from '@koperasi/messaging';
import { CommandResultsSchema1790000000002 } from '@koperasi/service-kit';
import { LoansCollectionAllocation1790000000301 } from './loans-collection-allocation.migration.js';
import { LoansCollectionRefusal1790000000302 } from './loans-collection-refusal.migration.js';
import { LoansReadModel1790000000300 } from './loans-read-model.migration.js';

export const loansMigrations: MigrationClass[] = [
  EventStoreSchema1790000000000,
  ConsumerSchema1790000000001,
  CommandResultsSchema1790000000002,
  EventStoreAuditIndexes1790000000003,
  LoansReadModel1790000000300,
  LoansCollectionAllocation1790000000301,
  LoansCollectionRefusal1790000000302,
];
