import pg from 'pg';
import { createTestDatabase, testDatabaseUrl, type TestDatabase } from '@koperasi/testing';
import { gatewayMigrations } from './gateway-migrations.js';
import { createGatewayPool } from './pg-pool.js';

/** Found by the chaos run: the gateway's pool had no 'error' listener, so a dropped idle connection ended the process. */
describe('the gateway pool when PostgreSQL drops its connections', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('gateway_pool', gatewayMigrations);
  });
  afterAll(() => database.drop());

  it('given idle connections, when every backend of its database is terminated, then the pool answers the next query on a new connection', async () => {
    const pool = createGatewayPool(database.url);
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      await Promise.all([pool.query('SELECT 1'), pool.query('SELECT 1'), pool.query('SELECT 1')]);
      expect(pool.idleCount).toBeGreaterThan(0);
      const admin = new pg.Client({ connectionString: testDatabaseUrl() });
      await admin.connect();
      const { rowCount } = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [database.name],
      );
      await admin.end();
      expect(rowCount).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
      await pool.end();
    }
  });

  it('given a connection checked out between statements, when its backend is terminated, then the process lives on and the pool answers the next query', async () => {
    const pool = createGatewayPool(database.url);
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      const held = await pool.connect();
      const { rows } = await held.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const admin = new pg.Client({ connectionString: testDatabaseUrl() });
      await admin.connect();
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
      await admin.end();
      await new Promise((resolve) => setTimeout(resolve, 500));
      await expect(held.query('SELECT 1')).rejects.toThrow();
      held.release(true);
      expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
      await pool.end();
    }
  });
});
