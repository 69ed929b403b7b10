import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import pg from 'pg';

/** The service's one connection pool, injected by this token. */
export const PG_POOL = Symbol('PG_POOL');

export interface PgPoolOptions {
  databaseUrl: string;
  maxConnections: number;
}

/**
 * A pool with a bounded wait for a connection, so /health/ready answers 503 instead of hanging when the
 * database is gone. A connection the server drops is replaced on next use; without the listeners the
 * 'error' event would end the process instead (found by the chaos run).
 */
export function createPgPool(options: PgPoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.maxConnections,
    connectionTimeoutMillis: 5_000,
  });
  pool.on('error', (error) => new Logger('PgPool').warn(`idle connection lost: ${error.message}`));
  // The pool listens only on idle connections: one dropped while checked out (between a transaction's
  // statements, a relay's LISTEN) would end the process too. Its holder sees the next query fail.
  pool.on('connect', (client) =>
    client.on('error', (error) =>
      new Logger('PgPool').warn(`connection lost while in use: ${error.message}`),
    ),
  );
  return pool;
}

/** PG_POOL built from the service's config, which `configToken` provides. */
export function pgPoolProvider<C>(
  configToken: symbol,
  options: (config: C) => PgPoolOptions,
): Provider {
  return {
    provide: PG_POOL,
    inject: [configToken],
    useFactory: (config: C) => createPgPool(options(config)),
  };
}

/** Closes the pool last, after the HTTP server and the Kafka consumers stopped using it. */
@Injectable()
export class PgPoolCloser implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
