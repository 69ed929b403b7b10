import { PostgresEventStore } from '@koperasi/eventstore';
import type { Pool } from 'pg';
import { PG_POOL } from '@koperasi/service-kit';

export const eventStoreProvider = {
  provide: PostgresEventStore,
  inject: [PG_POOL],
  useFactory: (pool: Pool) => new PostgresEventStore(pool),
};
