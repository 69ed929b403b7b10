/**
 * npm run bench:eventstore: appends EVENTS events from concurrent writers over many streams while the relay
 * and one idempotent consumer run, then has a fresh relay publish the whole backlog. Prints JSON lines.
 * Topics and consumer group of its own, deleted at the end, so it runs beside `npm start` on the same broker.
 */
import type { Kafka } from 'kafkajs';
import {
  OutboxRelay,
  PostgresEventStore,
  EventStoreSchema1790000000000,
} from '@koperasi/eventstore';
import {
  ConsumerSchema1790000000001,
  IdempotentBatchConsumer,
  createKafka,
  kafkaBrokersFromEnv,
} from '@koperasi/messaging';
import { createTestDatabase, createTestTopics, waitFor } from '@koperasi/testing';
import { useLocalInfrastructureByDefault } from './bench-environment.js';
import { percentile, report } from './percentile.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 200_000);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 200);
const STREAMS = Number(process.env.BENCH_STREAMS ?? 20_000);
const EVENTS_PER_APPEND = Number(process.env.BENCH_EVENTS_PER_APPEND ?? 1);
const WRITE_LANES = Number(process.env.BENCH_WRITE_LANES ?? 2);
const CATCH_UP_TIMEOUT_MS = 300_000;

async function main(): Promise<void> {
  useLocalInfrastructureByDefault();
  const db = await createTestDatabase('bench_eventstore', [
    EventStoreSchema1790000000000,
    ConsumerSchema1790000000001,
  ]);
  const kafka = createKafka('bench-eventstore', kafkaBrokersFromEnv());
  const [topic, backlogTopic] = await createTestTopics(kafka, 'bench-live', 'bench-backlog');
  await db.pool.query(
    'CREATE TABLE bench_projection (event_id uuid PRIMARY KEY, stream_id text NOT NULL)',
  );
  report({
    bench: 'eventstore',
    events: EVENTS,
    writers: WRITERS,
    streams: STREAMS,
    eventsPerAppend: EVENTS_PER_APPEND,
    writeLanes: WRITE_LANES,
  });

  const lagsMs: number[] = [];
  let projected = 0;
  const consumer = new IdempotentBatchConsumer({
    kafka,
    pool: db.pool,
    groupId: `bench-${topic}`,
    topics: [topic],
    warn: (message) => process.stderr.write(`${message}\n`),
    handle: async (events, tx) => {
      const now = Date.now();
      for (const event of events) lagsMs.push(now - Date.parse(event.occurredAt));
      await tx.query(
        'INSERT INTO bench_projection (event_id, stream_id) SELECT * FROM unnest($1::uuid[], $2::text[])',
        [events.map((event) => event.eventId), events.map((event) => event.streamId)],
      );
      projected += events.length;
    },
  });
  await consumer.start();
  await waitFor('the consumer to join', async () => consumer.isReady());

  const producer = kafka.producer();
  await producer.connect();
  const relay = new OutboxRelay({
    pool: db.pool,
    producer,
    topic,
    relayName: 'live',
    onError: reportError,
  });
  await relay.start();

  const store = new PostgresEventStore(db.pool, { maxConcurrentBatches: WRITE_LANES });
  const appendsPerWriter = Math.ceil(EVENTS / EVENTS_PER_APPEND / WRITERS);
  const appendStartedMs = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, writer) => {
      const versions = new Map<string, number>();
      for (let append = 0; append < appendsPerWriter; append++) {
        // Each writer owns its streams, so appends conflict only where the store is wrong.
        const streamId = `member-${(append * WRITERS + writer) % STREAMS}`;
        const events = Array.from({ length: EVENTS_PER_APPEND }, (_, index) => ({
          type: 'SimpananSukarelaDeposited',
          schemaVersion: 1,
          data: { memberId: streamId, amountRp: 10_000 + index, tellerId: `teller-${writer % 7}` },
        }));
        const result = await store.append(streamId, versions.get(streamId) ?? 0, events, {
          koperasiId: `kop-${writer % 177}`,
          actor: `teller-${writer % 7}`,
          correlationId: `bench-${writer}-${append}`,
        });
        versions.set(streamId, result.nextExpectedVersion);
      }
    }),
  );
  const appendSeconds = (performance.now() - appendStartedMs) / 1000;
  const total = appendsPerWriter * WRITERS * EVENTS_PER_APPEND;
  report({
    metric: 'append',
    events: total,
    seconds: round(appendSeconds),
    eventsPerSecond: Math.round(total / appendSeconds),
  });

  await waitFor(
    'the live relay to publish everything',
    async () => relay.published >= total,
    CATCH_UP_TIMEOUT_MS,
  );
  const liveRelaySeconds = (performance.now() - appendStartedMs) / 1000;
  await waitFor(
    'the consumer to project everything',
    async () => projected >= total,
    CATCH_UP_TIMEOUT_MS,
  );
  report({
    metric: 'end_to_end_lag',
    events: lagsMs.length,
    p50Ms: percentile(lagsMs, 0.5),
    p99Ms: percentile(lagsMs, 0.99),
    maxMs: percentile(lagsMs, 1),
    liveRelayEventsPerSecond: Math.round(total / liveRelaySeconds),
  });
  await relay.stop();
  await consumer.stop();

  const backlogRelay = new OutboxRelay({
    pool: db.pool,
    producer,
    topic: backlogTopic,
    relayName: 'backlog',
    batchSize: 5000,
    onError: reportError,
  });
  const backlogStartedMs = performance.now();
  await backlogRelay.start();
  await waitFor(
    'the backlog relay to publish everything',
    async () => backlogRelay.published >= total,
    CATCH_UP_TIMEOUT_MS,
  );
  const backlogSeconds = (performance.now() - backlogStartedMs) / 1000;
  report({
    metric: 'relay',
    events: total,
    seconds: round(backlogSeconds),
    eventsPerSecond: Math.round(total / backlogSeconds),
  });
  await backlogRelay.stop();

  const { rows } = await db.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM bench_projection',
  );
  if (rows[0].n !== total) throw new Error(`projected ${rows[0].n} events, appended ${total}`);
  await producer.disconnect();
  await db.drop();
  await deleteBenchTopics(kafka, [topic, backlogTopic], [`bench-${topic}`]);
}

async function deleteBenchTopics(kafka: Kafka, topics: string[], groups: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.deleteGroups(groups).catch(() => undefined);
    await admin.deleteTopics({ topics, timeout: 30_000 });
  } finally {
    await admin.disconnect();
  }
}

function reportError(error: unknown): void {
  report({ error: error instanceof Error ? error.message : String(error) });
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
