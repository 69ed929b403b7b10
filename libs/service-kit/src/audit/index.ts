export * from './audit-event.js';
export * from './audit-export.js';
export * from './audit-query.js';
export * from './audit-reads.js';
export * from './event-store-audit.controller.js';
export * from './export-stream.js';
export * from './internal-token-check.js';
export * from './verify-koperasi-chains.js';
