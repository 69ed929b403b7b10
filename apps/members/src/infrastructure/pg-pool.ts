import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { MEMBERS_CONFIG, type MembersConfig } from './members-config.js';

export const PG_POOL = Symbol('PG_POOL');

export const pgPoolProvider = {
  provide: PG_POOL,
  inject: [MEMBERS_CONFIG],
  useFactory: (config: MembersConfig) => {
    // Twelve partitions are handled at once, plus the relay and the query endpoints.
    // A bounded wait for a connection, so /health/ready answers 503 instead of hanging when the database is gone.
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 24, connectionTimeoutMillis: 5_000 });
    // An idle connection the server drops (a restart, a forced drop) is replaced on next use; without a
    // listener the pool's 'error' event would end the process instead.
    pool.on('error', (error) => new Logger('PgPool').warn(`idle connection lost: ${error.message}`));
    return pool;
  },
};

/** Closes the pool last, after the HTTP server and the Kafka consumer stopped using it. */
@Injectable()
export class PgPoolCloser implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
