import { PostgresEventStore } from '@koperasi/eventstore';
import { DeciderCommandHandler, PG_POOL } from '@koperasi/service-kit';
import type { Pool } from 'pg';
import { bankAggregate } from './bank-aggregate.js';
import { BANK_COMMAND_ROUTES } from './bank-command-routes.js';

/** The batch handler of setor ke bank, the bank's fee settlements and the SHU distribution. */
export const BANK_COMMANDS = Symbol('BANK_COMMANDS');

export const bankCommandsProvider = {
  provide: BANK_COMMANDS,
  inject: [PG_POOL, PostgresEventStore],
  useFactory: (pool: Pool, store: PostgresEventStore) =>
    new DeciderCommandHandler(pool, store, bankAggregate(pool, store), BANK_COMMAND_ROUTES),
};
