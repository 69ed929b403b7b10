import { randomUUID } from 'node:crypto';
import { EVENT_TOPIC_CONFIG, EVENT_TOPIC_PARTITIONS } from '@koperasi/contracts';
import { createKafka } from '@koperasi/messaging';
import type { Kafka } from 'kafkajs';
import { testKafkaBrokers } from './infrastructure.js';

export function testKafka(clientId = 'test'): Kafka {
  return createKafka(`${clientId}-${randomUUID().slice(0, 8)}`, testKafkaBrokers());
}

/** Topics of their own per test, created with the event-topic settings, so runs never see each other's events. */
export async function createTestTopics(kafka: Kafka, ...names: string[]): Promise<string[]> {
  const suffix = randomUUID().slice(0, 8);
  const topics = names.map((name) => `test.${name}.${suffix}`);
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin
      .createTopics({
        waitForLeaders: true,
        topics: topics.map((topic) => ({
          topic,
          numPartitions: EVENT_TOPIC_PARTITIONS,
          replicationFactor: 1,
          configEntries: EVENT_TOPIC_CONFIG,
        })),
      })
      .catch(async (error: { retriable?: boolean }) => {
        // A busy broker answers the wait for leaders with "does not host this topic-partition" while the
        // topics are still being made: wait for their leaders here instead.
        if (!error.retriable) throw error;
        await waitFor(`leaders of ${topics.join(', ')}`, async () =>
          admin.fetchTopicMetadata({ topics }).then(
            ({ topics: found }) =>
              found.every((topic) => topic.partitions.every((partition) => partition.leader >= 0)),
            () => false,
          ),
        );
      });
  } finally {
    await admin.disconnect();
  }
  return topics;
}

/** Polls until `condition` holds, failing with `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  condition: () => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}
