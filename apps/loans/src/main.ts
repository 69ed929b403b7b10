import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { namespaced, Topics } from '@koperasi/contracts';
import { Partitioners } from 'kafkajs';
import { ensureDatabase, databaseNameOf, runMigrations } from '@koperasi/database';
import { JsonLogger } from '@koperasi/platform';
import { CommandConsumerState, TrackedServerKafka } from '@koperasi/service-kit';
import { loansMigrations } from './infrastructure/loans-migrations.js';
import { readLoansConfig } from './infrastructure/loans-config.js';
import { LoansModule } from './loans.module.js';

/** How long start-up waits for the command consumer's first partitions before saying ready anyway. */
const GROUP_JOIN_WAIT_MS = 60_000;

async function bootstrap(): Promise<void> {
  const logger = new JsonLogger('loans');
  const config = { ...readLoansConfig(), eventsTopic: Topics.loansEvents };
  await ensureDatabase(config.databaseUrl, databaseNameOf(config.databaseUrl));
  const applied = await runMigrations(config.databaseUrl, loansMigrations);
  if (applied.length > 0) logger.pino.info({ applied }, 'migrations applied');

  const app = await NestFactory.create(LoansModule.forRoot(config), { logger });
  app.enableShutdownHooks();
  const consumerState = app.get(CommandConsumerState);
  app.connectMicroservice<MicroserviceOptions>({
    strategy: new TrackedServerKafka(
      {
        client: { clientId: 'loans', brokers: config.kafkaBrokers },
        // This process has no Kafka client of Nest's to collide with, so the ids stay as written.
        postfixId: '',
        consumer: {
          groupId: namespaced('loans-commands'),
          // A restarted instance rejoins sooner when the broker drops its dead predecessor sooner.
          sessionTimeout: 10_000,
          heartbeatInterval: 3_000,
          // Shutdown waits for the fetch in flight; an idle long poll this short keeps that wait short.
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
  logger.pino.info({ port: config.httpPort, partitionsAssigned: consumerState.ready }, 'loans ready');
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

bootstrap().catch((error: unknown) => {
  new JsonLogger('loans').pino.fatal({ err: error }, 'loans failed to start');
  process.exit(1);
});
