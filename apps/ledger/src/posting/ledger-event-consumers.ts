import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { IdempotentBatchConsumer, createKafka } from '@koperasi/messaging';
import type { SourceService } from '../domain/index.js';
import { PG_POOL } from '../database/pg-pool.provider.js';
import { LEDGER_OPTIONS, type ResolvedLedgerOptions } from '../ledger-options.js';
import { recordPosted } from './ledger-metrics.js';
import { projectEvents } from './project-events.js';

/** Entries per database transaction: large enough to sum hot rows, small enough to keep locks short. */
const MAX_EVENTS_PER_TRANSACTION = 500;

/**
 * One projection per service's events topic, each its own consumer group, so a backlog of PPOB events does
 * not hold up the members' savings. Started with the app and stopped before the pool closes.
 */
@Injectable()
export class LedgerEventConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(LedgerEventConsumers.name);
  private readonly consumers: { service: SourceService; consumer: IdempotentBatchConsumer }[];

  constructor(@Inject(LEDGER_OPTIONS) options: ResolvedLedgerOptions, @Inject(PG_POOL) pool: Pool) {
    const topics: Record<SourceService, string> = {
      members: options.membersEventsTopic,
      billpay: options.billpayEventsTopic,
      loans: options.loansEventsTopic,
    };
    this.consumers = (Object.keys(topics) as SourceService[]).map((service) => ({
      service,
      consumer: new IdempotentBatchConsumer({
        kafka: createKafka(`ledger-${service}`, options.kafkaBrokers),
        pool,
        groupId: `${options.groupIdPrefix}-${service}`,
        consumerName: `${options.consumerNamePrefix}-${service}`,
        topics: [topics[service]],
        deadLetterTopic: options.deadLetterTopic,
        maxEventsPerTransaction: MAX_EVENTS_PER_TRANSACTION,
        handle: async (events, tx) =>
          recordPosted(service, await projectEvents(service, events, tx)),
        warn: (message) => this.logger.warn(message),
      }),
    }));
  }

  /** Whether the service's projection is in its group with partitions assigned. */
  isReady(service: SourceService): boolean {
    return this.consumers.some(
      (projection) => projection.service === service && projection.consumer.isReady(),
    );
  }

  /** In the background: the ledger answers (not ready) while the broker is still down at its start. */
  onApplicationBootstrap(): void {
    for (const { service, consumer } of this.consumers)
      consumer
        .start()
        .catch((error: unknown) =>
          this.logger.error(`the ${service} projection did not start: ${String(error)}`),
        );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.consumers.map(({ consumer }) => consumer.stop()));
  }
}
