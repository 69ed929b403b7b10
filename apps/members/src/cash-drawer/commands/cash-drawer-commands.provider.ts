import { PostgresEventStore } from '@koperasi/eventstore';
import { DeciderCommandHandler, PG_POOL } from '@koperasi/service-kit';
import type { Pool } from 'pg';
import { cashDrawerAggregate } from './cash-drawer-aggregate.js';
import { CASH_DRAWER_COMMAND_ROUTES } from './cash-drawer-command-routes.js';

/** The batch handler of buka kasir, tutup kasir and the supervisor's approval. */
export const CASH_DRAWER_COMMANDS = Symbol('CASH_DRAWER_COMMANDS');

export const cashDrawerCommandsProvider = {
  provide: CASH_DRAWER_COMMANDS,
  inject: [PG_POOL, PostgresEventStore],
  useFactory: (pool: Pool, store: PostgresEventStore) =>
    new DeciderCommandHandler(pool, store, cashDrawerAggregate(store), CASH_DRAWER_COMMAND_ROUTES),
};
