import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { namespaced, Topics } from '@koperasi/contracts';
import { Partitioners } from 'kafkajs';
import { ensureDatabase, databaseNameOf, runMigrations } from '@koperasi/database';
import { JsonLogger } from '@koperasi/platform';
import { CommandConsumerState, TrackedServerKafka } from '@koperasi/service-kit';
import { BillpayModule } from './billpay.module.js';
import { billpayMigrations } from './infrastructure/billpay-migrations.js';
import { readBillpayConfig } from './infrastructure/billpay-config.js';

/** How long start-up waits for the command consumer's first partitions before saying ready anyway. */
const GROUP_JOIN_WAIT_MS = 60_000;

async function bootstrap(): Promise<void> {
  const logger = new JsonLogger('billpay');
  const config = { ...readBillpayConfig(), eventsTopic: Topics.billpayEvents };
  await ensureDatabase(config.databaseUrl, databaseNameOf(config.databaseUrl));
  const applied = await runMigrations(config.databaseUrl, billpayMigrations);
  if (applied.length > 0) logger.pino.info({ applied }, 'migrations applied');

  // rawBody: an aggregator callback's signature covers its exact bytes, not a re-serialised parse.
  const app = await NestFactory.create(BillpayModule.forRoot(config), { logger, rawBody: true });
  app.enableShutdownHooks();
  const consumerState = app.get(CommandConsumerState);
  app.connectMicroservice<MicroserviceOptions>({
    strategy: new TrackedServerKafka(
      {
        client: { clientId: 'billpay', brokers: config.kafkaBrokers },
        postfixId: '',
        consumer: {
          groupId: namespaced('billpay-commands'),
          sessionTimeout: 10_000,
          heartbeatInterval: 3_000,
          maxWaitTimeInMs: 1_000,
        },
        run: { partitionsConsumedConcurrently: 12 },
        producer: { allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner },
      },
      consumerState,
    ),
  });
  await app.startAllMicroservices();
  await app.listen(config.httpPort, config.httpHost);
  await waitUntil(() => consumerState.ready, GROUP_JOIN_WAIT_MS);
  logger.pino.info({ port: config.httpPort, partitionsAssigned: consumerState.ready }, 'billpay ready');
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

bootstrap().catch((error: unknown) => {
  new JsonLogger('billpay').pino.fatal({ err: error }, 'billpay failed to start');
  process.exit(1);
});
