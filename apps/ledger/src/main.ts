import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { prepareDatabase } from '@koperasi/database';
import {
  INTERNAL_HTTP_HOST,
  JsonLogger,
  keepConnectionsLongerThanClients,
  PORT_PATTERN,
  readEnvConfig,
  secretEnv,
} from '@koperasi/platform';
import { LedgerModule } from './ledger.module.js';
import { LEDGER_MIGRATIONS } from './schema/ledger-migrations.js';
import { parseBrokerList } from '@koperasi/messaging';

async function main(): Promise<void> {
  // kafkajs warns about its partitioner change on every start; the ledger only produces dead letters,
  // whose partition does not matter.
  process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';
  const env = readEnvConfig({
    LEDGER_HTTP_PORT: {
      default: '3004',
      pattern: PORT_PATTERN,
      description: 'internal HTTP port of the ledger',
    },
    LEDGER_DATABASE_URL: {
      default: 'postgres://postgres@127.0.0.1:5432/koperasi_ledger',
      pattern: /^postgres(ql)?:\/\//,
      description: 'PostgreSQL URL of the ledger database',
    },
    KAFKA_BROKERS: {
      default: '127.0.0.1:9092',
      description: 'comma-separated Kafka brokers, host:port',
    },
    INTERNAL_API_TOKEN: secretEnv('shared token for x-internal-token'),
    INTERNAL_HTTP_HOST,
  });
  const logger = new JsonLogger('ledger');
  const migrationsApplied = await prepareDatabase(
    env.LEDGER_DATABASE_URL,
    LEDGER_MIGRATIONS,
    (message) => logger.pino.warn(message),
  );
  logger.pino.info({ migrationsApplied }, 'ledger migrations done');

  const app = await NestFactory.create(
    LedgerModule.forRoot({
      databaseUrl: env.LEDGER_DATABASE_URL,
      kafkaBrokers: parseBrokerList(env.KAFKA_BROKERS),
      internalApiToken: env.INTERNAL_API_TOKEN,
    }),
    { logger },
  );
  app.enableShutdownHooks();
  const port = Number(env.LEDGER_HTTP_PORT);
  keepConnectionsLongerThanClients(app.getHttpServer());
  await app.listen(port, env.INTERNAL_HTTP_HOST);
  logger.pino.info({ port }, 'ledger ready');
}

main().catch((error: unknown) => {
  console.error(
    JSON.stringify({
      level: 50,
      service: 'ledger',
      msg: 'ledger failed to start',
      error: String(error),
    }),
  );
  process.exit(1);
});
