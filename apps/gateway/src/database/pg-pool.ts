import type pg from 'pg';
import { createPgPool } from '@koperasi/service-kit';

export const PG_POOL = Symbol('PG_POOL');

/**
 * Every service's pool (bounded connection wait; an idle connection the server drops is replaced, not fatal: the
 * chaos run's pg_terminate_backend ended the gateway process when its pool had no 'error' listener).
 */
export function createGatewayPool(databaseUrl: string): pg.Pool {
  // Reads are few (users, idempotency rows); 10 connections keep up with the counters without crowding the server.
  // Its statements are all the counter's own, none an auditor's search: planned once each (pg_stat_statements
  // under bench:members: planning the closed-drawer lookup took 0.72 ms a call, running it 0.09 ms).
  return createPgPool({ databaseUrl, maxConnections: 10, genericPlans: true });
}
