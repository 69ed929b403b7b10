import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import request from 'supertest';
import type { EventEnvelope } from '@koperasi/contracts';
import {
  createTestDatabase,
  createTestTopics,
  testKafka,
  testKafkaBrokers,
  waitFor,
  type TestDatabase,
} from '@koperasi/testing';
import type { SourceService } from '../src/domain/index.js';
import { LedgerModule } from '../src/ledger.module.js';
import { LEDGER_MIGRATIONS } from '../src/schema/ledger-migrations.js';
import { toKafkaMessage } from './member-event-fixtures.js';

export const TOKEN = 'ledger-test-token';

export interface DeadLetterSeen {
  eventId: string | undefined;
  error: string;
}

/** The ledger app over a fresh database and fresh topics on the real broker, with a reader of its dead letters. */
export class LedgerTestApp {
  readonly kafka: Kafka = testKafka('ledger-test');
  readonly deadLetters: DeadLetterSeen[] = [];
  readonly groupIdPrefix = `ledger-test-${randomUUID().slice(0, 8)}`;
  db!: TestDatabase;
  app!: INestApplication;
  topics!: Record<SourceService, string>;
  deadLetterTopic!: string;
  private producer!: Producer;
  private dlqReader!: Consumer;

  async start(): Promise<void> {
    const [members, billpay, loans, deadLetter] = await createTestTopics(
      this.kafka,
      'members-events',
      'billpay-events',
      'loans-events',
      'ledger-dead-letter',
    );
    this.topics = { members, billpay, loans };
    this.deadLetterTopic = deadLetter;
    this.db = await createTestDatabase('ledger', LEDGER_MIGRATIONS);
    this.producer = this.kafka.producer();
    await this.producer.connect();
    this.app = await NestFactory.create(
      LedgerModule.forRoot({
        databaseUrl: this.db.url,
        kafkaBrokers: testKafkaBrokers(),
        internalApiToken: TOKEN,
        groupIdPrefix: this.groupIdPrefix,
        membersEventsTopic: members,
        billpayEventsTopic: billpay,
        loansEventsTopic: loans,
        deadLetterTopic: deadLetter,
      }),
      { logger: ['error', 'warn'] },
    );
    await this.app.init();
    this.dlqReader = this.kafka.consumer({ groupId: `dlq-reader-${deadLetter}` });
    await this.dlqReader.connect();
    await this.dlqReader.subscribe({ topic: deadLetter, fromBeginning: true });
    await this.dlqReader.run({
      eachMessage: async ({ message }) => {
        this.deadLetters.push({
          eventId: message.headers?.['event-id']?.toString(),
          error: String(message.headers?.['dlq-error']),
        });
      },
    });
    await waitFor(
      'the ledger to be ready',
      async () => (await this.get('/health/ready')).status === 200,
    );
  }

  async close(): Promise<void> {
    await this.dlqReader?.disconnect();
    await this.app?.close();
    await this.producer?.disconnect();
    await this.db?.drop();
  }

  get(path: string): request.Test {
    return request(this.app.getHttpServer()).get(path).set('x-internal-token', TOKEN);
  }

  async publish(service: SourceService, events: EventEnvelope[]): Promise<void> {
    await this.producer.send({
      topic: this.topics[service],
      acks: -1,
      messages: events.map(toKafkaMessage),
    });
  }

  /** Publishes `events` and waits for the ledger to post `entries` more entries of the koperasi. */
  async publishAndWait(
    service: SourceService,
    koperasiId: string,
    events: EventEnvelope[],
    entries: number,
  ): Promise<void> {
    const before = await this.entryCount(koperasiId);
    await this.publish(service, events);
    await waitFor(
      `${entries} more entries`,
      async () => (await this.entryCount(koperasiId)) === before + entries,
    );
  }

  /** The koperasi's account balances by code, now or as of a day. */
  async balances(koperasiId: string, asOf?: string): Promise<Record<string, number>> {
    const response = await this.get(`/internal/koperasi/${koperasiId}/accounts`)
      .query(asOf ? { asOf } : {})
      .expect(200);
    return Object.fromEntries(
      response.body.map((account: { code: string; balanceRp: number }) => [
        account.code,
        account.balanceRp,
      ]),
    );
  }

  async entryCount(koperasiId: string): Promise<number> {
    const { rows } = await this.db.pool.query(
      'SELECT count(*)::int AS n FROM journal_entries WHERE koperasi_id = $1',
      [koperasiId],
    );
    return rows[0].n;
  }

  /** True once the group has committed past every message on the service's topic. */
  async caughtUp(
    service: SourceService,
    groupId = `${this.groupIdPrefix}-${service}`,
  ): Promise<boolean> {
    const topic = this.topics[service];
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const ends = await admin.fetchTopicOffsets(topic);
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
      return ends.every(({ partition, high }) => {
        const offset = committed.partitions.find((p) => p.partition === partition)?.offset ?? '-1';
        return high === '0' || BigInt(offset) >= BigInt(high);
      });
    } finally {
      await admin.disconnect();
    }
  }

  /** Every row the projection keeps, to show a replay changed none of them. */
  async booksSnapshot(): Promise<unknown> {
    const tables = [
      'journal_entries',
      'journal_lines',
      'account_balances',
      'account_day_balances',
      'member_savings',
      'cash_by_teller',
    ];
    const snapshot: Record<string, unknown> = {};
    for (const table of tables)
      snapshot[table] = (await this.db.pool.query(`SELECT * FROM ${table} ORDER BY 1, 2, 3`)).rows;
    return snapshot;
  }
}
