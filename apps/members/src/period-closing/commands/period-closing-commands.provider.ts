import { PostgresEventStore } from '@koperasi/eventstore';
import { DeciderCommandHandler, PG_POOL } from '@koperasi/service-kit';
import type { Pool } from 'pg';
import { periodClosingAggregate } from './period-closing-aggregate.js';
import { PERIOD_CLOSING_COMMAND_ROUTES } from './period-closing-command-routes.js';

/** The batch handler of tutup buku. */
export const PERIOD_CLOSING_COMMANDS = Symbol('PERIOD_CLOSING_COMMANDS');

export const periodClosingCommandsProvider = {
  provide: PERIOD_CLOSING_COMMANDS,
  inject: [PG_POOL, PostgresEventStore],
  useFactory: (pool: Pool, store: PostgresEventStore) =>
    new DeciderCommandHandler(
      pool,
      store,
      periodClosingAggregate(store),
      PERIOD_CLOSING_COMMAND_ROUTES,
    ),
};
