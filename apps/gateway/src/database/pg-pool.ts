import pg from 'pg';

export const PG_POOL = Symbol('PG_POOL');

export function createGatewayPool(databaseUrl: string): pg.Pool {
  // Reads are few (users, idempotency rows); 10 connections keep up with the counters without crowding the server.
  return new pg.Pool({ connectionString: databaseUrl, max: 10 });
}
