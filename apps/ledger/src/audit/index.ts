export * from './progress.js';
export * from './sources/service-stores.js';
export * from './verify/chain-partition.js';
export * from './verify/verify-chains.js';
export * from './verify/verify-kafka.js';
export * from './verify/verify-stores.js';
