export * from './decide-close-period.js';
export * from './evolve-period-closing.js';
export * from './period-closing-commands.js';
export * from './period-closing-error-code.js';
export * from './period-closing-events.js';
export * from './period-closing-state.js';
export * from './period-closing-stream-id.js';
