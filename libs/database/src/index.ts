export * from './database-url.js';
export * from './ensure-database.js';
export * from './run-migrations.js';
export * from './prepare-database.js';
export * from './combined-write.js';
export * from './in-transaction.js';
