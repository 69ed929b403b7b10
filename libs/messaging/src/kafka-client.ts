import { Kafka, logLevel } from 'kafkajs';
import { quietKafkajsRequestQueue } from './quiet-kafkajs-request-queue.js';

/** A comma-separated broker list, e.g. `127.0.0.1:9092,127.0.0.1:9094`, as KAFKA_BROKERS holds it. */
export function parseBrokerList(text: string): string[] {
  return text
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
}

export function kafkaBrokersFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const brokers = parseBrokerList(env.KAFKA_BROKERS ?? '');
  if (brokers.length === 0) throw new Error('KAFKA_BROKERS is not set (e.g. 127.0.0.1:9092)');
  return brokers;
}

export function createKafka(clientId: string, brokers: string[]): Kafka {
  quietKafkajsRequestQueue();
  return new Kafka({ clientId, brokers, logLevel: logLevel.WARN, retry: { retries: 8 } });
}
