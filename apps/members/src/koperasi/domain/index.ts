export * from './koperasi-decider.js';
export * from './koperasi-registered.event.js';
export * from './register-koperasi.js';
