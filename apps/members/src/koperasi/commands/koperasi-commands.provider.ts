import { PostgresEventStore } from '@koperasi/eventstore';
import { DeciderCommandHandler, PG_POOL } from '@koperasi/service-kit';
import type { Pool } from 'pg';
import { koperasiAggregate } from './koperasi-aggregate.js';
import { KOPERASI_COMMAND_ROUTES } from './koperasi-command-routes.js';

/** The batch handler of an admin's koperasi registrations. */
export const KOPERASI_COMMANDS = Symbol('KOPERASI_COMMANDS');

export const koperasiCommandsProvider = {
  provide: KOPERASI_COMMANDS,
  inject: [PG_POOL, PostgresEventStore],
  useFactory: (pool: Pool, store: PostgresEventStore) =>
    new DeciderCommandHandler(pool, store, koperasiAggregate(store), KOPERASI_COMMAND_ROUTES),
};
