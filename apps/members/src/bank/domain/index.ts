export * from './bank-commands.js';
export * from './bank-error-code.js';
export * from './bank-events.js';
export * from './bank-ids.js';
export * from './bank-state.js';
export * from './decide-bank-deposit.js';
export * from './decide-bank-fee-settlement.js';
export * from './evolve-bank.js';
