import 'reflect-metadata';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { namespaced } from '@koperasi/contracts';
import { prepareDatabase, type MigrationClass } from '@koperasi/database';
import { JsonLogger, keepConnectionsLongerThanClients } from '@koperasi/platform';
import { BatchedKafkaServer, type BatchCommandHandler } from './batched-kafka-server.js';
import { CommandConsumerState } from './command-consumer-state.js';

/** How long start-up waits for the command consumer's first partitions before saying ready anyway. */
const GROUP_JOIN_WAIT_MS = 60_000;

/** Commands that share one handler, which takes a batch of them at a call. */
export interface CommandTableEntry {
  commands: readonly string[];
  handler: BatchCommandHandler;
}

export interface EventSourcedServiceConfig {
  databaseUrl: string;
  kafkaBrokers: string[];
  httpPort: number;
  httpHost: string;
}

export interface EventSourcedService<C extends EventSourcedServiceConfig> {
  /** Names the logger, the Kafka client and the command group (`<name>-commands`). */
  name: string;
  config: C;
  migrations: MigrationClass[];
  module: (config: C) => DynamicModule;
  /** Commands and their handlers, from the started app; a command left out is answered UnansweredCommand. */
  commandTable?: (app: INestApplication) => CommandTableEntry[];
  /** See BatchedKafkaServerOptions: more for a service whose commands wait on partners. */
  maxFlushesInFlight?: number;
  /** rawBody: for a service that checks a signature over a request's exact bytes. */
  rawBody?: boolean;
}

/**
 * Starts an event-sourced service: its database and migrations, the Nest app, the batched command
 * consumer, then HTTP; it logs ready once the consumer holds partitions. PostgreSQL or Kafka down is waited
 * for (not ready meanwhile); any other failure to start ends the process.
 */
export function startEventSourcedService<C extends EventSourcedServiceConfig>(
  service: EventSourcedService<C>,
): void {
  const logger = new JsonLogger(service.name);
  start(service, logger).catch((error: unknown) => {
    logger.pino.fatal({ err: error }, `${service.name} failed to start`);
    process.exit(1);
  });
}

async function start<C extends EventSourcedServiceConfig>(
  service: EventSourcedService<C>,
  logger: JsonLogger,
): Promise<void> {
  const { config } = service;
  const applied = await prepareDatabase(config.databaseUrl, service.migrations, (message) =>
    logger.pino.warn(message),
  );
  if (applied.length > 0) logger.pino.info({ applied }, 'migrations applied');

  const app = await NestFactory.create(service.module(config), {
    logger,
    rawBody: service.rawBody ?? false,
  });
  app.enableShutdownHooks();
  const consumerState = app.get(CommandConsumerState);
  const server = new BatchedKafkaServer({
    clientId: service.name,
    brokers: config.kafkaBrokers,
    groupId: namespaced(`${service.name}-commands`),
    state: consumerState,
    maxFlushesInFlight: service.maxFlushesInFlight,
  });
  for (const { commands, handler } of service.commandTable?.(app) ?? [])
    server.handleBatches(commands, handler);
  app.connectMicroservice({ strategy: server });
  await app.startAllMicroservices();
  keepConnectionsLongerThanClients(app.getHttpServer());
  await app.listen(config.httpPort, config.httpHost);
  await waitUntil(() => consumerState.ready, GROUP_JOIN_WAIT_MS);
  logger.pino.info(
    { port: config.httpPort, partitionsAssigned: consumerState.ready },
    `${service.name} ready`,
  );
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
}
