import { PostgresEventStore } from '@koperasi/eventstore';
import { DeciderCommandHandler, PG_POOL } from '@koperasi/service-kit';
import type { Pool } from 'pg';
import { memberAggregate } from './member-aggregate.js';
import { MEMBER_COMMAND_ROUTES } from './member-command-routes.js';

/** The batch handler of every command on an existing member; the command table gives it their names. */
export const MEMBER_COMMANDS = Symbol('MEMBER_COMMANDS');

export const memberCommandsProvider = {
  provide: MEMBER_COMMANDS,
  inject: [PG_POOL, PostgresEventStore],
  useFactory: (pool: Pool, store: PostgresEventStore) =>
    new DeciderCommandHandler(pool, store, memberAggregate(store), MEMBER_COMMAND_ROUTES),
};
