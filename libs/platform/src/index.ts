export * from './env-config.js';
export * from './health.controller.js';
export * from './json-logger.js';
export * from './metrics.js';
export * from './platform.module.js';
export * from './readiness.js';
export * from './http-request.js';
export * from './retry-until-reachable.js';
