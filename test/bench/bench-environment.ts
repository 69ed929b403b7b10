/**
 * Every bench runs as the README writes it, with no environment set: the local PostgreSQL and Kafka of
 * `npm run infra:up` unless DATABASE_URL / KAFKA_BROKERS say otherwise.
 */
export function useLocalInfrastructureByDefault(): void {
  process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  process.env.KAFKA_BROKERS ??= '127.0.0.1:9092';
}
