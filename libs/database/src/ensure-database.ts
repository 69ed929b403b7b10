import pg from 'pg';
import { databaseUrlFor } from './database-url.js';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Creates the database if it is missing; connects to the server's `postgres` database to do so. */
export async function ensureDatabase(
  serverUrl: string,
  database: string,
): Promise<'created' | 'exists'> {
  if (!IDENTIFIER.test(database))
    throw new Error(`ensureDatabase: ${database} is not a plain identifier`);
  const admin = new pg.Client({ connectionString: databaseUrlFor(serverUrl, 'postgres') });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      database,
    ]);
    if (rowCount) return 'exists';
    await admin.query(`CREATE DATABASE ${database}`);
    return 'created';
  } catch (error) {
    // Two starters racing to create the same database: the loser finds it there.
    if ((error as { code?: string }).code === '42P04') return 'exists';
    throw error;
  } finally {
    await admin.end();
  }
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  if (!IDENTIFIER.test(database))
    throw new Error(`dropDatabase: ${database} is not a plain identifier`);
  const admin = new pg.Client({ connectionString: databaseUrlFor(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
