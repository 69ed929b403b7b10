import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { createHash } from 'node:crypto';
import pg from 'pg';

/** The service's one connection pool, injected by this token. */
export const PG_POOL = Symbol('PG_POOL');

export interface PgPoolOptions {
  databaseUrl: string;
  maxConnections: number;
  /**
   * Plans each prepared statement once (plan_cache_mode=force_generic_plan) instead of letting PostgreSQL
   * choose. It keeps custom plans for statements over arrays (their estimate follows the array's length, so
   * the generic plan never looks cheaper) and so plans them on every call. Only for a database no auditor
   * queries: over an event store, generic plans made the audit queries (by type, time window, correlation)
   * 6 to 50 times slower in bench:audit.
   */
  genericPlans?: boolean;
}

/** A connection keeps at most this many prepared statements; past it, statements are planned each time. */
const MAX_PREPARED_STATEMENTS_PER_CONNECTION = 256;

/**
 * A connection that prepares each parameterised statement once and reuses it. Unnamed, PostgreSQL parses and
 * plans every statement anew: measured with pg_stat_statements under bench:members, planning took about half
 * as long as executing. Statements without values stay in the simple protocol (several commands in a text).
 */
class PreparingClient extends pg.Client {
  private readonly prepared = new Set<string>();

  // pg's overloads, taken as they come: only `query(text, values[, callback])` changes.
  override query(...args: unknown[]): never {
    const [text, values, callback] = args;
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
      const name = this.statementName(text);
      if (name) return super.query({ name, text, values }, callback as never) as never;
    }
    return (super.query as (...all: unknown[]) => never)(...args);
  }

  private statementName(text: string): string | null {
    const name = `s_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    if (this.prepared.has(name)) return name;
    if (this.prepared.size >= MAX_PREPARED_STATEMENTS_PER_CONNECTION) return null;
    this.prepared.add(name);
    return name;
  }
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
    Client: PreparingClient,
    ...(options.genericPlans ? { options: '-c plan_cache_mode=force_generic_plan' } : {}),
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
