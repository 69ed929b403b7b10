import pg from 'pg';
import type { Kafka } from 'kafkajs';
import { EventStoreSchema1790000000000 } from '@koperasi/eventstore';
import {
  createTestDatabase,
  createTestTopics,
  testKafka,
  type TestDatabase,
} from '@koperasi/testing';
import {
  generateHistory,
  publishHistory,
  HISTORY_SERVICES,
  type HistoryService,
} from '../../../../test/bench/history-generator.js';
import type { ServiceStore } from '../../src/audit/index.js';

/**
 * Three fresh service event stores holding a generated mixed history (members, PPOB with pending and
 * failures, installments and remittances), published to test topics by the real outbox relay.
 */
export class AuditHistoryFixture {
  readonly databases = {} as Record<HistoryService, TestDatabase>;
  topics = {} as Record<HistoryService, string>;
  kafka!: Kafka;

  /** `publishTo`: topics of one's own (a ledger test app's, say) instead of fresh ones. */
  async create(options: {
    events: number;
    koperasiCount: number;
    publish: boolean;
    seed?: number;
    publishTo?: { kafka: Kafka; topics: Record<HistoryService, string> };
  }): Promise<this> {
    for (const service of HISTORY_SERVICES) {
      this.databases[service] = await createTestDatabase(`audit_${service}`, [
        EventStoreSchema1790000000000,
      ]);
    }
    await generateHistory({
      stores: this.urls(),
      events: options.events,
      koperasiCount: options.koperasiCount,
      seed: options.seed,
      days: 3,
    });
    if (options.publishTo) {
      this.kafka = options.publishTo.kafka;
      this.topics = options.publishTo.topics;
    } else if (options.publish) {
      this.kafka = testKafka('audit-test');
      const [members, billpay, loans] = await createTestTopics(
        this.kafka,
        'members-events',
        'billpay-events',
        'loans-events',
      );
      this.topics = { members, billpay, loans };
    }
    if (options.publish) await publishHistory(this.kafka, this.urls(), this.topics);
    return this;
  }

  urls(): Record<HistoryService, string> {
    return Object.fromEntries(
      HISTORY_SERVICES.map((service) => [service, this.databases[service].url]),
    ) as Record<HistoryService, string>;
  }

  stores(): ServiceStore[] {
    return HISTORY_SERVICES.map((service) => ({
      service,
      databaseUrl: this.databases[service].url,
      topic: this.topics[service] ?? '',
    }));
  }

  pool(service: HistoryService): pg.Pool {
    return this.databases[service].pool;
  }

  /** Runs SQL as a superuser would behind the append-only triggers: what an attacker with the server could do. */
  async behindTriggers(
    service: HistoryService,
    sql: string,
    params: unknown[] = [],
  ): Promise<pg.QueryResult> {
    const client = await this.pool(service).connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica');
      const result = await client.query(sql, params);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async drop(): Promise<void> {
    for (const database of Object.values(this.databases)) await database?.drop();
  }
}
