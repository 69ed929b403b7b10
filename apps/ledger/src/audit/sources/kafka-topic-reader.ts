import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';

export interface TopicBatch {
  topic: string;
  partition: number;
  messages: KafkaMessage[];
}

export interface TopicReadOptions {
  /** Names the throwaway consumer group, e.g. `audit-replay`; a random suffix keeps runs apart. */
  purpose: string;
  onStart?: (totalMessages: number) => void;
  /** How long to wait for the group to be assigned and for each fetch before giving up. */
  timeoutMs?: number;
}

export interface TopicReadResult {
  groupId: string;
  messages: number;
  /** The end of each partition when the read began: what was read, nothing later. */
  highWatermarks: Record<string, Record<number, string>>;
}

const DEFAULT_TIMEOUT_MS = 120_000;

/**
 * Reads topics from their first retained offset up to the high-water marks taken at the start, in batches,
 * and then leaves: a consumer group of its own that commits nothing and is deleted afterwards, so no live
 * consumer's position moves. Batches of one partition arrive in order; `onBatch` is awaited before the next.
 */
export async function readTopicsToEnd(
  kafka: Kafka,
  topics: readonly string[],
  onBatch: (batch: TopicBatch) => Promise<void>,
  options: TopicReadOptions,
): Promise<TopicReadResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const groupId = `${options.purpose}-${randomUUID()}`;
  const admin = kafka.admin();
  await admin.connect();
  const highWatermarks: Record<string, Record<number, string>> = {};
  const remaining = new Map<string, bigint>();
  let total = 0;
  let read = 0;
  try {
    for (const topic of topics) {
      highWatermarks[topic] = {};
      for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
        highWatermarks[topic][partition] = high;
        if (BigInt(high) > BigInt(low)) {
          remaining.set(partitionKey(topic, partition), BigInt(high));
          total += Number(BigInt(high) - BigInt(low));
        }
      }
    }
    options.onStart?.(total);
    if (remaining.size > 0) {
      const consumer = kafka.consumer({
        groupId,
        maxBytes: 64 << 20,
        maxBytesPerPartition: 16 << 20,
        maxWaitTimeInMs: 500,
      });
      await consumer.connect();
      try {
        await consumer.subscribe({ topics: [...topics], fromBeginning: true });
        await new Promise<void>((resolve, reject) => {
          let lastProgressMs = Date.now();
          const watchdog = setInterval(() => {
            if (Date.now() - lastProgressMs > timeoutMs)
              reject(new Error(`no messages from ${topics.join(', ')} for ${timeoutMs} ms`));
          }, 1000);
          const finish = (error?: unknown) => {
            clearInterval(watchdog);
            if (error) reject(error);
            else resolve();
          };
          consumer
            .run({
              autoCommit: false,
              eachBatchAutoResolve: false,
              eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning }) => {
                const key = partitionKey(batch.topic, batch.partition);
                const end = remaining.get(key);
                if (end === undefined || !isRunning()) return;
                const messages = batch.messages.filter((message) => BigInt(message.offset) < end);
                if (messages.length > 0) {
                  await onBatch({ topic: batch.topic, partition: batch.partition, messages });
                  read += messages.length;
                  resolveOffset(messages[messages.length - 1].offset);
                }
                lastProgressMs = Date.now();
                await heartbeat();
                const next = BigInt(batch.messages.at(-1)?.offset ?? '-1') + 1n;
                if (next >= end) {
                  remaining.delete(key);
                  consumer.pause([{ topic: batch.topic, partitions: [batch.partition] }]);
                  if (remaining.size === 0) finish();
                }
              },
            })
            .catch(finish);
        });
      } finally {
        await consumer.disconnect();
      }
      // The group never committed an offset; deleting it leaves nothing behind for a broker admin to wonder at.
      await admin.deleteGroups([groupId]).catch(() => undefined);
    }
    return { groupId, messages: read, highWatermarks };
  } finally {
    await admin.disconnect();
  }
}

function partitionKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}
