import { randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  databaseUrlFor,
  dropDatabase,
  ensureDatabase,
  runMigrations,
  type MigrationClass,
} from '@koperasi/database';
import { testDatabaseUrl } from './infrastructure.js';

export interface TestDatabase {
  name: string;
  url: string;
  pool: pg.Pool;
  drop(): Promise<void>;
}

/** A fresh database of its own for one test file, migrated, dropped again by `drop()`. */
export async function createTestDatabase(
  prefix: string,
  migrations: MigrationClass[],
): Promise<TestDatabase> {
  const serverUrl = testDatabaseUrl();
  const name = `test_${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await ensureDatabase(serverUrl, name);
  const url = databaseUrlFor(serverUrl, name);
  await runMigrations(url, migrations);
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  return {
    name,
    url,
    pool,
    async drop() {
      // pool.end() resolves before every backend has seen its connection close; the forced drop then
      // terminates those backends, which is expected here and not worth an unhandled error.
      pool.on('error', () => undefined);
      await pool.end();
      await dropDatabase(serverUrl, name);
    },
  };
}
