import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { namespaced, Topics } from '@koperasi/contracts';
import { Partitioners } from 'kafkajs';
import { ensureDatabase, databaseNameOf, runMigrations } from '@koperasi/database';
import { JsonLogger } from '@koperasi/platform';
import { CommandConsumerState, TrackedServerKafka } from '@koperasi/service-kit';
import { membersMigrations } from './infrastructure/members-migrations.js';
import { readMembersConfig } from './infrastructure/members-config.js';
import { MembersModule } from './members.module.js';

/** How long start-up waits for the command consumer's first partitions before saying ready anyway. */
const GROUP_JOIN_WAIT_MS = 60_000;

async function bootstrap(): Promise<void> {
  const logger = new JsonLogger('members');
  const config = { ...readMembersConfig(), eventsTopic: Topics.membersEvents };
  await ensureDatabase(config.databaseUrl, databaseNameOf(config.databaseUrl));
  const applied = await runMigrations(config.databaseUrl, membersMigrations);
  if (applied.length > 0) logger.pino.info({ applied }, 'migrations applied');

  const app = await NestFactory.create(MembersModule.forRoot(config), { logger });
  app.enableShutdownHooks();
  const consumerState = app.get(CommandConsumerState);
  app.connectMicroservice<MicroserviceOptions>({
    strategy: new TrackedServerKafka(
      {
        client: { clientId: 'members', brokers: config.kafkaBrokers },
        // This process has no Kafka client of Nest's to collide with, so the ids stay as written.
        postfixId: '',
        consumer: {
          groupId: namespaced('members-commands'),
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
  logger.pino.info({ port: config.httpPort, partitionsAssigned: consumerState.ready }, 'members ready');
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

bootstrap().catch((error: unknown) => {
  new JsonLogger('members').pino.fatal({ err: error }, 'members failed to start');
  process.exit(1);
});
