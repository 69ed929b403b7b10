import { isDatabaseUnreachable, retryUntilReachable } from '@koperasi/platform';
import { databaseNameOf } from './database-url.js';
import { ensureDatabase } from './ensure-database.js';
import { runMigrations, type MigrationClass } from './run-migrations.js';

/**
 * A service's start: its database made when missing and its migrations applied, waiting as long as
 * PostgreSQL is down or starting (a service started during a database restart stays up); names the
 * migrations applied.
 */
export function prepareDatabase(
  databaseUrl: string,
  migrations: MigrationClass[],
  warn: (message: string) => void,
): Promise<string[]> {
  return retryUntilReachable(
    async () => {
      await ensureDatabase(databaseUrl, databaseNameOf(databaseUrl));
      return runMigrations(databaseUrl, migrations);
    },
    { what: 'prepare the database', warn, retryable: isDatabaseUnreachable },
  );
}
