import { EVENT_TOPIC_PARTITIONS } from '@koperasi/contracts';
import type { SuiteHarnessOptions } from '../support/suite-harness.js';

/**
 * Every bench runs as the README writes it, with no environment set: the local PostgreSQL and Kafka of
 * `npm run infra:up` unless DATABASE_URL / KAFKA_BROKERS say otherwise.
 */
export function useLocalInfrastructureByDefault(): void {
  process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  process.env.KAFKA_BROKERS ??= '127.0.0.1:9092';
}

/**
 * A benchmark's suite runs on the partitions production has (EVENT_TOPIC_PARTITIONS): the harness gives test
 * runs fewer, and a service handles one partition's commands at a time, so fewer would cap the figures.
 */
export const BENCH_SUITE_OPTIONS: SuiteHarnessOptions = {
  environment: { KAFKA_TOPIC_PARTITIONS: String(EVENT_TOPIC_PARTITIONS) },
};
