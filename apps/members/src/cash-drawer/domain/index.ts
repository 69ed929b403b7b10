export * from './cash-drawer-commands.js';
export * from './cash-drawer-decider.js';
export * from './cash-drawer-error-code.js';
export * from './cash-drawer-events.js';
export * from './cash-drawer-id.js';
export * from './cash-drawer-state.js';
export * from './decide-cash-drawer.js';
export * from './evolve-cash-drawer.js';
