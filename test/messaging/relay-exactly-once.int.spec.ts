import type { Kafka, Producer } from 'kafkajs';
import type { EventEnvelope } from '@koperasi/contracts';
import { OutboxRelay, PostgresEventStore, chainHash } from '@koperasi/eventstore';
import { IdempotentBatchConsumer } from '@koperasi/messaging';
import {
  createTestDatabase,
  createTestTopics,
  testKafka,
  waitFor,
  type TestDatabase,
} from '@koperasi/testing';
import { STORE_MIGRATIONS, context, depositEvent } from '../eventstore/event-store-fixtures.js';

const WRITERS = 8;
const APPENDS_PER_WRITER = 150;

describe('relay to Kafka and the idempotent consumer', () => {
  let kafka: Kafka;
  let producer: Producer;
  let source: TestDatabase;
  let projection: TestDatabase;
  const stoppers: (() => Promise<unknown>)[] = [];
  const projectedEvents = new Map<string, EventEnvelope>();

  beforeAll(async () => {
    kafka = testKafka('relay-test');
    producer = kafka.producer();
    await producer.connect();
    source = await createTestDatabase('relay_source', STORE_MIGRATIONS);
    projection = await createTestDatabase('relay_projection', STORE_MIGRATIONS);
    await projection.pool.query(
      'CREATE TABLE counted (event_id uuid PRIMARY KEY, times integer NOT NULL)',
    );
  });
  afterEach(async () => {
    for (const stop of stoppers.splice(0)) await stop();
  });
  afterAll(async () => {
    await producer.disconnect();
    await source.drop();
    await projection.drop();
  });

  function startCounting(topic: string, deadLetterTopic?: string): IdempotentBatchConsumer {
    const consumer = new IdempotentBatchConsumer({
      kafka,
      pool: projection.pool,
      groupId: `counter-${topic}`,
      topics: [topic],
      deadLetterTopic,
      warn: (message) => process.stderr.write(`${message}\n`),
      handle: async (events, tx) => {
        for (const event of events) {
          if ((event.data as { poison?: boolean }).poison)
            throw new Error(`cannot project ${event.eventId}`);
        }
        for (const event of events) projectedEvents.set(event.eventId, event);
        // Counts every time the projection sees an event: a duplicate would show as times = 2.
        await tx.query(
          `INSERT INTO counted (event_id, times) SELECT unnest($1::uuid[]), 1
           ON CONFLICT (event_id) DO UPDATE SET times = counted.times + 1`,
          [events.map((event) => event.eventId)],
        );
      },
    });
    stoppers.push(() => consumer.stop());
    return consumer;
  }

  function startRelay(topic: string, relayProducer: Producer = producer): OutboxRelay {
    const relay = new OutboxRelay({
      pool: source.pool,
      producer: relayProducer,
      topic,
      relayName: topic,
      batchSize: 200,
    });
    stoppers.push(() => relay.stop());
    return relay;
  }

  async function countedTimes(eventIds: string[]): Promise<Map<string, number>> {
    const { rows } = await projection.pool.query<{ event_id: string; times: number }>(
      'SELECT event_id, times FROM counted WHERE event_id = ANY($1::uuid[])',
      [eventIds],
    );
    return new Map(rows.map((row) => [row.event_id, row.times]));
  }

  async function messagesOnTopic(topic: string): Promise<number> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(topic);
      return offsets.reduce(
        (sum, partition) => sum + Number(partition.high) - Number(partition.low),
        0,
      );
    } finally {
      await admin.disconnect();
    }
  }

  it('given 8 concurrent writers, when the relay is killed after a Kafka ack and restarted, then every event is counted exactly once', async () => {
    const [topic] = await createTestTopics(kafka, 'exactly-once');
    const consumer = startCounting(topic);
    await consumer.start();

    // The first relay dies right after Kafka acknowledged its third batch, before writing the checkpoint.
    let sends = 0;
    const dyingProducer = {
      send: async (record: Parameters<Producer['send']>[0]) => {
        const acks = await producer.send(record);
        sends += 1;
        if (sends === 3) void firstRelay.kill();
        return acks;
      },
    } as Producer;
    const firstRelay: OutboxRelay = new OutboxRelay({
      pool: source.pool,
      producer: dyingProducer,
      topic,
      relayName: topic,
      batchSize: 200,
    });
    await firstRelay.start();

    const store = new PostgresEventStore(source.pool);
    const eventIds: string[] = [];
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, writer) => {
        let version = 0;
        for (let append = 0; append < APPENDS_PER_WRITER; append++) {
          const result = await store.append(
            `member-w${writer}`,
            version,
            [depositEvent(1000 + append)],
            context,
          );
          version = result.nextExpectedVersion;
          eventIds.push(...result.events.map((event) => event.eventId));
          if (writer === 0 && append === APPENDS_PER_WRITER / 2) {
            await waitFor('the first relay to die', async () => sends >= 3);
            await startRelay(topic).start();
          }
        }
      }),
    );
    const total = WRITERS * APPENDS_PER_WRITER;
    expect(eventIds).toHaveLength(total);

    await waitFor(
      'every event to be counted',
      async () => (await countedTimes(eventIds)).size === total,
      90_000,
    );
    const times = await countedTimes(eventIds);
    expect([...times.values()].every((count) => count === 1)).toBe(true);
    // The restarted relay published the dead relay's last batch again, and the consumer dropped those copies.
    expect(await messagesOnTopic(topic)).toBeGreaterThan(total);
  }, 150_000);

  it('given a transaction that appended and is still open while a later one commits, then its event is published after it commits', async () => {
    const [topic] = await createTestTopics(kafka, 'open-transaction');
    const consumer = startCounting(topic);
    await consumer.start();
    const relay = startRelay(topic);
    await relay.start();
    const store = new PostgresEventStore(source.pool);

    const slow = await source.pool.connect();
    await slow.query('BEGIN');
    const early = await store.appendWithin(slow, 'member-slow', 0, [depositEvent(7_000)], context);
    const late = await store.append('member-fast', 0, [depositEvent(8_000)], context);
    const earlyId = early.events[0].eventId;
    const lateId = late.events[0].eventId;
    // The committed later event waits behind the open transaction instead of moving the checkpoint past it.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await countedTimes([earlyId, lateId])).size).toBe(0);

    await slow.query('COMMIT');
    slow.release();

    await waitFor(
      'both events to be counted',
      async () => (await countedTimes([earlyId, lateId])).size === 2,
    );
    expect([...(await countedTimes([earlyId, lateId])).values()]).toEqual([1, 1]);
    // What reaches Kafka is the stored envelope to the byte that matters: the hash chain verifies from it.
    expect(projectedEvents.get(earlyId)).toEqual(early.events[0]);
    expect(chainHash(late.events[0].prevHash, projectedEvents.get(lateId)!)).toBe(
      late.events[0].hash,
    );
  });

  it('given a poison event between good ones, then it lands on the dead-letter topic with the error and the rest are counted', async () => {
    const [topic, deadLetterTopic] = await createTestTopics(kafka, 'poison', 'poison-dlq');
    const consumer = startCounting(topic, deadLetterTopic);
    await consumer.start();
    const store = new PostgresEventStore(source.pool);
    // One stream, so all three share a partition and the poison sits between the good ones.
    const written = await store.append(
      'member-poison',
      0,
      [depositEvent(1_000), depositEvent(2_000, { poison: true }), depositEvent(3_000)],
      context,
    );
    const [good1, poison, good2] = written.events.map((event) => event.eventId);
    await producer.send({ topic, messages: [{ key: 'member-poison', value: 'not json at all' }] });
    await startRelay(topic).start();

    const dead: { eventId?: string; error: string }[] = [];
    const dlqReader = kafka.consumer({ groupId: `dlq-reader-${deadLetterTopic}` });
    stoppers.push(() => dlqReader.disconnect());
    await dlqReader.connect();
    await dlqReader.subscribe({ topic: deadLetterTopic, fromBeginning: true });
    await dlqReader.run({
      eachMessage: async ({ message }) => {
        dead.push({
          eventId: message.headers?.['event-id']?.toString(),
          error: String(message.headers?.['dlq-error']),
        });
      },
    });

    await waitFor(
      'the good events to be counted',
      async () => (await countedTimes([good1, good2])).size === 2,
    );
    await waitFor('two dead letters', async () => dead.length === 2);
    expect((await countedTimes([poison])).size).toBe(0);
    expect(dead).toEqual(
      expect.arrayContaining([
        { eventId: poison, error: expect.stringContaining(`cannot project ${poison}`) },
        { eventId: undefined, error: expect.stringContaining('not JSON') },
      ]),
    );
    const { rows } = await projection.pool.query(
      'SELECT outcome FROM processed_messages WHERE event_id = $1',
      [poison],
    );
    expect(rows).toEqual([{ outcome: 'dead-lettered' }]);
  });

  it('is ready only while in its group with partitions assigned', async () => {
    const [topic] = await createTestTopics(kafka, 'readiness');
    const consumer = startCounting(topic);
    expect(consumer.isReady()).toBe(false);

    await consumer.start();
    await waitFor('the consumer to join its group', async () => consumer.isReady());

    await consumer.stop();
    expect(consumer.isReady()).toBe(false);
  });
});
