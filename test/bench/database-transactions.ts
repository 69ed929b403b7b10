import pg from 'pg';
import { testDatabaseUrl } from '@koperasi/testing';
import type { SuiteHarness } from '../support/suite-harness.js';

const SERVICES_WITH_DATABASES = ['gateway', 'members', 'billpay', 'loans', 'ledger'] as const;

/**
 * Transactions each service's database has committed or rolled back so far (pg_stat_database): a statement
 * outside a transaction counts one, so per request it counts the round trips that wrote or read, whatever the
 * machine's load. PostgreSQL publishes a busy backend's counts about once a second: sample after a quiet spell.
 */
export async function databaseTransactions(suite: SuiteHarness): Promise<Map<string, number>> {
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  try {
    const names = new Map<string, string>(
      SERVICES_WITH_DATABASES.map((service) => [
        new URL(suite.databaseUrl(service)).pathname.slice(1),
        service,
      ]),
    );
    const { rows } = await admin.query<{ datname: string; n: string }>(
      `SELECT datname, xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = ANY($1)`,
      [[...names.keys()]],
    );
    return new Map(rows.map((row) => [names.get(row.datname)!, Number(row.n)]));
  } finally {
    await admin.end();
  }
}
