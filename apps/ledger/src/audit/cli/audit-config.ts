import pg from 'pg';
import { Topics } from '@koperasi/contracts';
import { createKafka, parseBrokerList } from '@koperasi/messaging';
import { Kafka, logLevel } from 'kafkajs';
import { readEnvConfig } from '@koperasi/platform';
import {
  redactedUrl,
  SERVICES,
  type ServiceName,
  type ServiceStore,
} from '../sources/service-stores.js';

/** A problem with the command line or the environment: the CLI prints it and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const POSTGRES_URL = /^postgres(ql)?:\/\//;

export interface AuditEnvironment {
  ledgerDatabaseUrl: string;
  stores: Record<ServiceName, ServiceStore>;
  kafkaBrokers: string[];
}

const DATABASE_ENV: Record<ServiceName | 'ledger', string> = {
  members: 'MEMBERS_DATABASE_URL',
  billpay: 'BILLPAY_DATABASE_URL',
  loans: 'LOANS_DATABASE_URL',
  ledger: 'LEDGER_DATABASE_URL',
};

/** The suite's environment names and defaults (test/support/suite-harness.ts, each service's main.ts). */
export function readAuditEnvironment(env: NodeJS.ProcessEnv = process.env): AuditEnvironment {
  let values: Record<string, string>;
  try {
    values = readEnvConfig(
      {
        LEDGER_DATABASE_URL: {
          default: 'postgres://postgres@127.0.0.1:5432/koperasi_ledger',
          pattern: POSTGRES_URL,
          description: 'PostgreSQL URL of the ledger database',
        },
        MEMBERS_DATABASE_URL: {
          default: 'postgres://postgres@127.0.0.1:5432/koperasi_members',
          pattern: POSTGRES_URL,
          description: "PostgreSQL URL of the members service's event store",
        },
        BILLPAY_DATABASE_URL: {
          default: 'postgres://postgres@127.0.0.1:5432/koperasi_billpay',
          pattern: POSTGRES_URL,
          description: "PostgreSQL URL of the billpay service's event store",
        },
        LOANS_DATABASE_URL: {
          default: 'postgres://postgres@127.0.0.1:5432/koperasi_loans',
          pattern: POSTGRES_URL,
          description: "PostgreSQL URL of the loans service's event store",
        },
        KAFKA_BROKERS: {
          default: '127.0.0.1:9092',
          description: 'comma-separated Kafka brokers, host:port',
        },
        MEMBERS_EVENTS_TOPIC: {
          default: Topics.membersEvents,
          description: 'the members events topic',
        },
        BILLPAY_EVENTS_TOPIC: {
          default: Topics.billpayEvents,
          description: 'the billpay events topic',
        },
        LOANS_EVENTS_TOPIC: { default: Topics.loansEvents, description: 'the loans events topic' },
      },
      env,
    );
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const topic: Record<ServiceName, string> = {
    members: values.MEMBERS_EVENTS_TOPIC,
    billpay: values.BILLPAY_EVENTS_TOPIC,
    loans: values.LOANS_EVENTS_TOPIC,
  };
  const stores = Object.fromEntries(
    SERVICES.map((service) => [
      service,
      { service, databaseUrl: values[DATABASE_ENV[service]], topic: topic[service] },
    ]),
  ) as Record<ServiceName, ServiceStore>;
  const kafkaBrokers = parseBrokerList(values.KAFKA_BROKERS);
  if (kafkaBrokers.length === 0)
    throw new UsageError('KAFKA_BROKERS names no broker (e.g. 127.0.0.1:9092)');
  return { ledgerDatabaseUrl: values.LEDGER_DATABASE_URL, stores, kafkaBrokers };
}

/**
 * Connects to each database the command needs before any work starts, so a wrong URL fails with the name
 * of its variable rather than half-way through a replay; a store must have an `events` table.
 */
export async function checkDatabases(needs: {
  ledgerDatabaseUrl?: string;
  stores?: readonly ServiceStore[];
}): Promise<void> {
  const checks: { variable: string; url: string; table: string }[] = [
    ...(needs.ledgerDatabaseUrl
      ? [{ variable: DATABASE_ENV.ledger, url: needs.ledgerDatabaseUrl, table: 'journal_entries' }]
      : []),
    ...(needs.stores ?? []).map((store) => ({
      variable: DATABASE_ENV[store.service],
      url: store.databaseUrl,
      table: 'events',
    })),
  ];
  const problems: string[] = [];
  await Promise.all(
    checks.map(async ({ variable, url, table }) => {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
      try {
        await client.connect();
        const { rows } = await client.query<{ found: string | null }>(
          'SELECT to_regclass($1)::text AS found',
          [table],
        );
        if (!rows[0].found)
          problems.push(
            `${variable} (${redactedUrl(url)}) has no ${table} table: is it the right database?`,
          );
      } catch (error) {
        problems.push(
          `${variable} (${redactedUrl(url)}): cannot connect: ${(error as Error).message}`,
        );
      } finally {
        await client.end().catch(() => undefined);
      }
    }),
  );
  if (problems.length > 0)
    throw new UsageError(`Database configuration refused:\n  ${problems.sort().join('\n  ')}`);
}

/** A Kafka client, checked to reach a broker now rather than deep inside a run. */
export async function connectKafka(brokers: string[]): Promise<Kafka> {
  // A few quick retries for the check: the run's own client retries longer, but a wrong address should fail fast.
  const probe = new Kafka({
    clientId: 'audit-cli-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 2 },
    connectionTimeout: 3_000,
  });
  const admin = probe.admin();
  try {
    await admin.connect();
    await admin.listTopics();
  } catch (error) {
    throw new UsageError(
      `KAFKA_BROKERS (${brokers.join(',')}): cannot reach Kafka: ${(error as Error).message}`,
    );
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  return createKafka('audit-cli', brokers);
}
