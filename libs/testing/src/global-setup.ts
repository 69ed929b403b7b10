// Jest loads global setup outside its module mapper, so this file imports packages only.
import { execFileSync } from 'node:child_process';

export interface StartedInfrastructure {
  stop(): Promise<void>;
}

/**
 * Fills DATABASE_URL and KAFKA_BROKERS for the test run. The environment wins; otherwise Testcontainers
 * starts PostgreSQL and Kafka where a Docker engine exists. Where neither is the case nothing starts, and
 * the first integration test that asks for them fails with a message saying how to start them.
 */
export default async function globalSetup(): Promise<void> {
  const needsDatabase = !process.env.DATABASE_URL;
  const needsKafka = !process.env.KAFKA_BROKERS;
  if ((!needsDatabase && !needsKafka) || !dockerEngineAvailable()) return;

  const stops: (() => Promise<unknown>)[] = [];
  if (needsDatabase) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const postgres = await new PostgreSqlContainer('postgres:15').withUsername('postgres').start();
    process.env.DATABASE_URL = postgres.getConnectionUri();
    stops.push(() => postgres.stop());
  }
  if (needsKafka) {
    const { KafkaContainer } = await import('@testcontainers/kafka');
    const kafka = await new KafkaContainer('apache/kafka:4.1.0').withKraft().start();
    process.env.KAFKA_BROKERS = `${kafka.getHost()}:${kafka.getMappedPort(9093)}`;
    stops.push(() => kafka.stop());
  }
  const started: StartedInfrastructure = {
    stop: async () => void (await Promise.all(stops.map((stop) => stop()))),
  };
  (globalThis as { __testInfrastructure?: StartedInfrastructure }).__testInfrastructure = started;
}

function dockerEngineAvailable(): boolean {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}
