import { pgPoolProvider as servicePgPoolProvider } from '@koperasi/service-kit';
import { LEDGER_OPTIONS, type ResolvedLedgerOptions } from '../ledger-options.js';

export { PG_POOL, PgPoolCloser } from '@koperasi/service-kit';

/** The ledger's pool is every service's (bounded connection wait, an idle connection lost is replaced, not fatal). */
export const pgPoolProvider = servicePgPoolProvider<ResolvedLedgerOptions>(
  LEDGER_OPTIONS,
  (options) => ({
    databaseUrl: options.databaseUrl,
    maxConnections: 12,
  }),
);
