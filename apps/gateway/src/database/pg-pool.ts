import type pg from 'pg';
import { createPgPool } from '@koperasi/service-kit';

export const PG_POOL = Symbol('PG_POOL');

/**
 * Every service's pool (bounded connection wait; an idle connection the server drops is replaced, not fatal: the
 * chaos run's pg_terminate_backend ended the gateway process when its pool had no 'error' listener).
 */
export function createGatewayPool(databaseUrl: string): pg.Pool {
  // Reads are few (users, idempotency rows); 10 connections keep up with the counters without crowding the server.
  return createPgPool({ databaseUrl, maxConnections: 10 });
}
