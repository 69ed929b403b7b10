import type { Admin } from 'kafkajs';
import { ALL_TOPICS } from '@koperasi/contracts';
import { ensureDatabase } from '@koperasi/database';
import { createKafka, kafkaBrokersFromEnv } from '@koperasi/messaging';
import { SERVICE_DATABASES } from './service-databases.js';

/** Creates what the services need and is safe to run again: their databases and the Kafka topics. */
async function provision(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  for (const database of SERVICE_DATABASES) {
    log({ database, outcome: await ensureDatabase(serverUrl, database) });
  }

  const kafka = createKafka('provision', kafkaBrokersFromEnv());
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = ALL_TOPICS.filter((topic) => !existing.has(topic.name));
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic: topic.name,
        numPartitions: partitionsOf(topic.partitions),
        replicationFactor: 1,
        configEntries: topic.configEntries,
      })),
    });
    log({
      topicsCreated: missing.map((topic) => topic.name),
      topicsPresent: [...existing].filter((t) => !t.startsWith('__')).length,
    });
    await warmUpGroupCoordinator(admin);
  } finally {
    await admin.disconnect();
  }
}

/**
 * A test run's own topics (KAFKA_NAMESPACE) need few partitions: a suite's partitions are created and deleted for
 * every end-to-end spec, and twelve each would keep a one-broker test machine busy doing only that.
 */
function partitionsOf(defaultPartitions: number): number {
  const override = process.env.KAFKA_TOPIC_PARTITIONS;
  if (override === undefined || override === '') return defaultPartitions;
  if (!/^[1-9]\d{0,2}$/.test(override))
    throw new Error(`KAFKA_TOPIC_PARTITIONS must be 1-999, got ${JSON.stringify(override)}`);
  return Number(override);
}

/** The first group request on a new broker meets a coordinator still loading; take that wait here, not in a service. */
async function warmUpGroupCoordinator(admin: Admin, attempts = 60): Promise<void> {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      await admin.fetchOffsets({ groupId: 'provision-warm-up', topics: [ALL_TOPICS[0].name] });
      log({ groupCoordinator: 'ready', attempt });
      return;
    } catch (error) {
      if (attempt === attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

function log(fields: Record<string, unknown>): void {
  process.stdout.write(
    `${JSON.stringify({ at: new Date().toISOString(), step: 'provision', ...fields })}\n`,
  );
}

provision().catch((error) => {
  process.stderr.write(
    `provision failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
