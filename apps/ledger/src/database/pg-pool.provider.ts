import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import pg from 'pg';
import { LEDGER_OPTIONS, type ResolvedLedgerOptions } from '../ledger-options.js';

export const PG_POOL = Symbol('PG_POOL');

export const pgPoolProvider: Provider = {
  provide: PG_POOL,
  inject: [LEDGER_OPTIONS],
  useFactory: (options: ResolvedLedgerOptions) => new pg.Pool({ connectionString: options.databaseUrl, max: 12 }),
};

/** Closes the pool last, after the consumer has stopped writing through it. */
@Injectable()
export class PgPoolCloser implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
