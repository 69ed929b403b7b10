export * from './calendar-date.js';
export * from './decision.js';
export * from './domain-error.js';
export * from './nik.js';
export * from './rupiah.js';
export * from './year-month.js';
export * from './person-name.js';
export * from './installment-allocation.js';
