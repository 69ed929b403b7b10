import type { Kafka, Producer } from 'kafkajs';
import { OutboxRelay, PostgresEventStore } from '@koperasi/eventstore';
import {
  createTestDatabase,
  createTestTopics,
  testKafka,
  waitFor,
  type TestDatabase,
} from '@koperasi/testing';
import { STORE_MIGRATIONS, context, depositEvent } from '../eventstore/event-store-fixtures.js';

/** Far longer than any wait below: an event that reaches Kafka in time was woken for, not polled for. */
const SAFETY_POLL_MS = 60_000;
const PROMPT_MS = 5_000;

describe('relay wakes on commit', () => {
  let kafka: Kafka;
  let producer: Producer;
  let source: TestDatabase;
  let store: PostgresEventStore;
  const stoppers: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    kafka = testKafka('relay-wake');
    producer = kafka.producer();
    await producer.connect();
  });
  // A store of its own per test: a relay publishes the whole store, and each test counts what reaches Kafka.
  beforeEach(async () => {
    source = await createTestDatabase('relay_wake', STORE_MIGRATIONS);
    store = new PostgresEventStore(source.pool);
  });
  afterEach(async () => {
    for (const stop of stoppers.splice(0)) await stop();
    await source.drop();
  });
  afterAll(async () => {
    await producer.disconnect();
  });

  async function startRelay(topic: string, errors: unknown[] = []): Promise<OutboxRelay> {
    const relay = new OutboxRelay({
      pool: source.pool,
      producer,
      topic,
      relayName: topic,
      safetyPollMs: SAFETY_POLL_MS,
      onError: (error) => errors.push(error),
    });
    stoppers.push(() => relay.stop());
    await relay.start();
    return relay;
  }

  /** A busy broker's leadership moves now and then: a retriable answer is asked again. */
  async function messagesOnTopic(topic: string): Promise<number> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          const offsets = await admin.fetchTopicOffsets(topic);
          return offsets.reduce(
            (sum, partition) => sum + Number(partition.high) - Number(partition.low),
            0,
          );
        } catch (error) {
          if (!(error as { retriable?: boolean }).retriable || attempt >= 10) throw error;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
    } finally {
      await admin.disconnect();
    }
  }

  /** The backend of the relay's own connection: the one whose last statement was its LISTEN. */
  async function listeningBackends(): Promise<number[]> {
    const { rows } = await source.pool.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'`,
    );
    return rows.map((row) => row.pid);
  }

  /** Lets the relay finish the reads that follow a start or a publish, so only a wake-up can find the next event. */
  async function relayAtRest(topic: string, published: number): Promise<void> {
    await waitFor(
      `${published} message(s) on Kafka`,
      async () => (await messagesOnTopic(topic)) === published,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }

  it('given a relay at rest whose safety poll is a minute away, when an event is appended, then it is on Kafka within seconds', async () => {
    const [topic] = await createTestTopics(kafka, 'wake-on-commit');
    await store.append('member-wake', 0, [depositEvent(1_000)], context);
    await startRelay(topic);
    await relayAtRest(topic, 1);

    await store.append('member-wake', 1, [depositEvent(2_000)], context);
    await waitFor(
      'the appended event on Kafka',
      async () => (await messagesOnTopic(topic)) === 2,
      PROMPT_MS,
    );

    // appendWithin, committed by its caller, wakes the relay the same way.
    const tx = await source.pool.connect();
    try {
      await tx.query('BEGIN');
      await store.appendWithin(tx, 'member-wake', 2, [depositEvent(3_000)], context);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(await messagesOnTopic(topic)).toBe(2);
      await tx.query('COMMIT');
    } finally {
      tx.release();
    }
    await waitFor(
      'the event committed by its caller on Kafka',
      async () => (await messagesOnTopic(topic)) === 3,
      PROMPT_MS,
    );
  });

  it('given its connection is terminated, then the relay listens again on a new one and keeps publishing promptly', async () => {
    const [topic] = await createTestTopics(kafka, 'wake-after-drop');
    const errors: unknown[] = [];
    await startRelay(topic, errors);
    await store.append('member-drop', 0, [depositEvent(1_000)], context);
    await relayAtRest(topic, 1);
    const [dropped] = await listeningBackends();
    expect(dropped).toBeDefined();

    await source.pool.query('SELECT pg_terminate_backend($1)', [dropped]);
    await waitFor('the relay to listen on a new connection', async () => {
      const backends = await listeningBackends();
      return backends.length === 1 && backends[0] !== dropped;
    });
    expect(errors).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    await store.append('member-drop', 1, [depositEvent(2_000)], context);
    await waitFor(
      'the event appended after the drop on Kafka',
      async () => (await messagesOnTopic(topic)) === 2,
      PROMPT_MS,
    );
  });
});
