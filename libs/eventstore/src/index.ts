export * from './event-store-schema.migration.js';
export * from './events-appended-channel.js';
export * from './hash-chain.js';
export * from './outbox-relay.js';
export * from './postgres-event-store.js';
export * from './stored-event.js';
export * from './stream-version-conflict.error.js';
export * from './verify-hash-chain.js';
