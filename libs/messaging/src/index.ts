export * from './consumer-schema.migration.js';
export * from './dead-letter.js';
export * from './idempotent-batch-consumer.js';
export * from './kafka-client.js';
export * from './merging-flush-queue.js';
export * from './offset-committer.js';
export * from './parse-envelope.js';
