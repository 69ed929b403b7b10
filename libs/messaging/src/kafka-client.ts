import { Kafka, logLevel } from 'kafkajs';

/** KAFKA_BROKERS is a comma-separated list, e.g. `127.0.0.1:9092`. */
export function kafkaBrokersFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const brokers = (env.KAFKA_BROKERS ?? '').split(',').map((broker) => broker.trim()).filter(Boolean);
  if (brokers.length === 0) throw new Error('KAFKA_BROKERS is not set (e.g. 127.0.0.1:9092)');
  return brokers;
}

export function createKafka(clientId: string, brokers: string[]): Kafka {
  return new Kafka({ clientId, brokers, logLevel: logLevel.WARN, retry: { retries: 8 } });
}
