import { readEnvConfig } from '@koperasi/platform';
import { EVENTS_TOPIC_OF, SERVICES, type ServiceStore } from '../audit/index.js';

const DATABASE_URL = /^postgres(ql)?:\/\/\S+$/;

/**
 * Where a replay job reads the history: the services' event stores (their database URLs, the same variables
 * and defaults the services themselves read) or their event topics. A replay reads only; the ledger holds no
 * other service's data because of it.
 */
export function replayStoresFromEnv(env: NodeJS.ProcessEnv = process.env): ServiceStore[] {
  const values = readEnvConfig(
    {
      MEMBERS_DATABASE_URL: {
        default: 'postgres://postgres@127.0.0.1:5432/koperasi_members',
        pattern: DATABASE_URL,
        description: 'members event store, read by audit replays',
      },
      BILLPAY_DATABASE_URL: {
        default: 'postgres://postgres@127.0.0.1:5432/koperasi_billpay',
        pattern: DATABASE_URL,
        description: 'billpay event store, read by audit replays',
      },
      LOANS_DATABASE_URL: {
        default: 'postgres://postgres@127.0.0.1:5432/koperasi_loans',
        pattern: DATABASE_URL,
        description: 'loans event store, read by audit replays',
      },
    },
    env,
  );
  const urls = {
    members: values.MEMBERS_DATABASE_URL,
    billpay: values.BILLPAY_DATABASE_URL,
    loans: values.LOANS_DATABASE_URL,
  };
  return SERVICES.map((service) => ({
    service,
    databaseUrl: urls[service],
    topic: EVENTS_TOPIC_OF[service],
  }));
}
