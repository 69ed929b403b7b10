import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { MEMBERS_CONFIG, type MembersConfig } from './members-config.js';

export const PG_POOL = Symbol('PG_POOL');

export const pgPoolProvider = {
  provide: PG_POOL,
  inject: [MEMBERS_CONFIG],
  // Twelve partitions are handled at once, plus the relay and the query endpoints.
  useFactory: (config: MembersConfig) => new pg.Pool({ connectionString: config.databaseUrl, max: 24 }),
};

/** Closes the pool last, after the HTTP server and the Kafka consumer stopped using it. */
@Injectable()
export class PgPoolCloser implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
