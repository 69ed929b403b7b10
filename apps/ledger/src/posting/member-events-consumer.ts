import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Pool } from 'pg';
import { IdempotentBatchConsumer, createKafka } from '@koperasi/messaging';
import { PG_POOL } from '../database/pg-pool.provider.js';
import { LEDGER_OPTIONS, type ResolvedLedgerOptions } from '../ledger-options.js';
import { projectMemberEvents } from './project-member-events.js';

/** Entries per database transaction: large enough to sum hot rows, small enough to keep locks short. */
const MAX_EVENTS_PER_TRANSACTION = 500;

/** The members-events projection, started with the app and stopped before the pool closes. */
@Injectable()
export class MemberEventsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: IdempotentBatchConsumer;

  constructor(@Inject(LEDGER_OPTIONS) options: ResolvedLedgerOptions, @Inject(PG_POOL) pool: Pool) {
    this.consumer = new IdempotentBatchConsumer({
      kafka: createKafka('ledger', options.kafkaBrokers),
      pool,
      groupId: options.groupId,
      consumerName: options.consumerName,
      topics: [options.membersEventsTopic],
      deadLetterTopic: options.deadLetterTopic,
      partitionsConsumedConcurrently: options.partitionsConsumedConcurrently,
      maxEventsPerTransaction: MAX_EVENTS_PER_TRANSACTION,
      handle: projectMemberEvents,
    });
  }

  isReady(): boolean {
    return this.consumer.isReady();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }
}
