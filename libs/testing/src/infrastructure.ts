import { parseBrokerList } from '@koperasi/messaging';

const HOW_TO_START = [
  'Integration tests need real PostgreSQL and Kafka.',
  'Either set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres) and KAFKA_BROKERS (e.g. 127.0.0.1:9092),',
  'or run `npm run infra:up` first (it starts the local Kafka broker and uses the PostgreSQL server on 127.0.0.1:5432),',
  'or run the tests on a machine with a Docker engine so Testcontainers can start both.',
].join('\n');

/** The PostgreSQL server tests use: the environment's, or the one a Testcontainer started in global setup. */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error(`DATABASE_URL is not set.\n${HOW_TO_START}`);
  return url;
}

export function testKafkaBrokers(): string[] {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers) throw new Error(`KAFKA_BROKERS is not set.\n${HOW_TO_START}`);
  return parseBrokerList(brokers);
}
