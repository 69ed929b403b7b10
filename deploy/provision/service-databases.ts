import type { MigrationClass } from '@koperasi/database';
import { EventStoreSchema1790000000000 } from '@koperasi/eventstore';
import { ConsumerSchema1790000000001 } from '@koperasi/messaging';

/** One database per service; no service reads another's tables. */
export const SERVICE_DATABASES: { database: string; migrations: MigrationClass[] }[] = [
  { database: 'koperasi_gateway', migrations: [ConsumerSchema1790000000001] },
  { database: 'koperasi_members', migrations: [EventStoreSchema1790000000000, ConsumerSchema1790000000001] },
  { database: 'koperasi_billpay', migrations: [EventStoreSchema1790000000000, ConsumerSchema1790000000001] },
  { database: 'koperasi_loans', migrations: [EventStoreSchema1790000000000, ConsumerSchema1790000000001] },
  { database: 'koperasi_ledger', migrations: [EventStoreSchema1790000000000, ConsumerSchema1790000000001] },
];
