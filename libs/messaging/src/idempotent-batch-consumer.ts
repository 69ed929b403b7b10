import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { Pool, PoolClient } from 'pg';
import { Topics, UpcasterRegistry, type EventEnvelope } from '@koperasi/contracts';
import { inTransaction } from '@koperasi/database';
import { retryUntilReachable } from '@koperasi/platform';
import { sendToDeadLetter, type DeadLetter } from './dead-letter.js';
import { MergingFlushQueue, PARTITIONS_FETCHED_AT_ONCE } from './merging-flush-queue.js';
import { OffsetCommitter } from './offset-committer.js';
import { parseEnvelope } from './parse-envelope.js';

/** Writes a projection for events not seen before, inside the transaction that marks them processed. */
export type ProjectionHandler = (events: EventEnvelope[], tx: PoolClient) => Promise<void>;

export interface IdempotentBatchConsumerOptions {
  kafka: Kafka;
  pool: Pool;
  groupId: string;
  topics: string[];
  handle: ProjectionHandler;
  /** Names this projection in processed_messages; defaults to the group id. */
  consumerName?: string;
  upcasters?: UpcasterRegistry;
  deadLetterTopic?: string;
  fromBeginning?: boolean;
  maxEventsPerTransaction?: number;
  /**
   * Transactions at once; each takes the batches of every partition that waited for it. One (the default)
   * keeps this projection's transactions from queueing on each other's row locks (the same balances).
   */
  maxTransactionsInFlight?: number;
  /** How soon a killed member's partitions go to a restarted one; kafkajs's 30 s default is long for a counter. */
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** How long a fetch waits for new data; bounds how long a clean shutdown waits. */
  maxWaitTimeMs?: number;
  /** Where a failed try to reach the broker is logged while start() waits for it. */
  warn: (message: string) => void;
}

interface Received {
  topic: string;
  partition: number;
  message: KafkaMessage;
}

interface Delivery extends Received {
  event: EventEnvelope;
}

/**
 * A projection consumer that takes each event exactly once in effect: the projection's writes and the
 * "processed" marks commit in one database transaction, and the Kafka offset is committed only after it
 * (within a second, for every partition at once: OffsetCommitter). The partitions' batches that arrive while
 * a transaction runs go together in the next one (MergingFlushQueue).
 * A redelivered event finds its mark and is skipped. An event the projection refuses goes to the
 * dead-letter topic with the error, and the partition goes on with the next one.
 */
export class IdempotentBatchConsumer {
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly offsets: OffsetCommitter;
  private readonly consumerName: string;
  private readonly deadLetterTopic: string;
  private readonly maxEventsPerTransaction: number;
  private readonly flushes: MergingFlushQueue<Received>;
  private readonly upcasters: UpcasterRegistry;
  private inGroup = false;
  private assignedPartitions = 0;
  private stopping = false;

  constructor(private readonly options: IdempotentBatchConsumerOptions) {
    this.consumer = options.kafka.consumer({
      groupId: options.groupId,
      retry: { retries: 10 },
      sessionTimeout: options.sessionTimeoutMs ?? 10_000,
      heartbeatInterval: options.heartbeatIntervalMs ?? 3_000,
      maxWaitTimeInMs: options.maxWaitTimeMs ?? 1_000,
    });
    this.producer = options.kafka.producer();
    this.offsets = new OffsetCommitter(this.consumer, options.warn);
    this.consumerName = options.consumerName ?? options.groupId;
    this.deadLetterTopic = options.deadLetterTopic ?? Topics.deadLetter;
    this.maxEventsPerTransaction = options.maxEventsPerTransaction ?? 1000;
    this.flushes = new MergingFlushQueue((received) => this.takeMessages(received), {
      maxItemsPerFlush: this.maxEventsPerTransaction,
      maxFlushesInFlight: options.maxTransactionsInFlight ?? 1,
    });
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.trackMembership();
  }

  /** True only while the consumer is in its group with partitions assigned. */
  isReady(): boolean {
    return this.inGroup && this.assignedPartitions > 0;
  }

  /** Waits for the broker as long as it takes (a service may start before it); once running, kafkajs rejoins by itself. */
  async start(): Promise<void> {
    await retryUntilReachable(
      async () => {
        await this.producer.connect();
        await this.consumer.connect();
        await this.consumer.subscribe({
          topics: this.options.topics,
          fromBeginning: this.options.fromBeginning ?? true,
        });
      },
      {
        what: `reach Kafka for ${this.consumerName}`,
        warn: this.options.warn,
        stopped: () => this.stopping,
      },
    );
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: PARTITIONS_FETCHED_AT_ONCE,
      eachBatch: (payload) => this.takeBatch(payload),
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.offsets.commit();
    await this.consumer.disconnect();
    await this.producer.disconnect();
    this.inGroup = false;
    this.assignedPartitions = 0;
  }

  private trackMembership(): void {
    const { events } = this.consumer;
    this.consumer.on(events.GROUP_JOIN, ({ payload }) => {
      this.assignedPartitions = Object.values(payload.memberAssignment).reduce(
        (sum, parts) => sum + parts.length,
        0,
      );
      this.inGroup = true;
    });
    this.consumer.on(events.REBALANCING, () => {
      this.inGroup = false;
    });
    for (const leaving of [events.STOP, events.CRASH, events.DISCONNECT]) {
      this.consumer.on(leaving, () => {
        this.inGroup = false;
        this.assignedPartitions = 0;
      });
    }
  }

  private async takeBatch({
    batch,
    resolveOffset,
    heartbeat,
    isRunning,
    isStale,
  }: EachBatchPayload): Promise<void> {
    for (let start = 0; start < batch.messages.length; start += this.maxEventsPerTransaction) {
      if (!isRunning() || isStale()) return;
      const messages = batch.messages.slice(start, start + this.maxEventsPerTransaction);
      const { topic, partition } = batch;
      await this.flushes.take(
        messages.map((message) => ({ topic, partition, message })),
        heartbeat,
      );
      const lastOffset = messages[messages.length - 1].offset;
      resolveOffset(lastOffset);
      this.offsets.done(batch.topic, batch.partition, lastOffset);
      await heartbeat();
    }
  }

  private async takeMessages(received: Received[]): Promise<void> {
    const deliveries: Delivery[] = [];
    const letters: DeadLetter[] = [];
    for (const { topic, partition, message } of received) {
      const parsed = parseEnvelope(message, this.upcasters);
      if (parsed.ok) deliveries.push({ topic, partition, message, event: parsed.event });
      else
        letters.push({
          topic,
          partition,
          message,
          consumer: this.consumerName,
          error: parsed.error,
        });
    }
    try {
      await inTransaction(this.options.pool, (tx) => this.project(tx, deliveries));
    } catch (error) {
      if (isTransient(error)) throw error;
      // Something in the batch is poison: take the events one by one to find it and let the rest through.
      await inTransaction(this.options.pool, async (tx) => {
        for (const delivery of deliveries) {
          await tx.query('SAVEPOINT delivery');
          try {
            await this.project(tx, [delivery]);
            await tx.query('RELEASE SAVEPOINT delivery');
          } catch (eventError) {
            if (isTransient(eventError)) throw eventError;
            await tx.query('ROLLBACK TO SAVEPOINT delivery');
            await this.markDeadLettered(tx, delivery.event.eventId);
            letters.push({
              topic: delivery.topic,
              partition: delivery.partition,
              message: delivery.message,
              consumer: this.consumerName,
              error: eventError,
            });
          }
        }
        // Sent before the commit: if the dead-letter topic cannot take them, the whole batch is retried.
        await sendToDeadLetter(this.producer, this.deadLetterTopic, letters);
      });
      return;
    }
    await sendToDeadLetter(this.producer, this.deadLetterTopic, letters);
  }

  private async project(tx: PoolClient, deliveries: Delivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    const { rows } = await tx.query<{ event_id: string }>(
      `INSERT INTO processed_messages (consumer, event_id)
       SELECT $1, event_id FROM unnest($2::uuid[]) AS event_id
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [this.consumerName, deliveries.map((delivery) => delivery.event.eventId)],
    );
    const fresh = new Set(rows.map((row) => row.event_id));
    const events: EventEnvelope[] = [];
    for (const { event } of deliveries) {
      if (fresh.delete(event.eventId)) events.push(event);
    }
    if (events.length > 0) await this.options.handle(events, tx);
  }

  private async markDeadLettered(tx: PoolClient, eventId: string): Promise<void> {
    await tx.query(
      `INSERT INTO processed_messages (consumer, event_id, outcome) VALUES ($1, $2, 'dead-lettered')
       ON CONFLICT DO NOTHING`,
      [this.consumerName, eventId],
    );
  }
}

/** Failures of the database or the network, not of the event: retry the batch instead of dead-lettering. */
function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^(08|40|53|57|58)/.test(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|ECONNREFUSED|ECONNRESET|timeout exceeded when trying to connect/i.test(
    message,
  );
}
