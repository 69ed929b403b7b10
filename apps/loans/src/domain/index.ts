export * from './collect-installment.js';
export * from './collection-agreement.js';
export * from './decide-collect-installment.js';
export * from './decide-pay-back.js';
export * from './decide-remittance.js';
export type { LoanDecision, LoanRefusal } from './loan-decision.js';
export * from './loan-error-code.js';
export * from './loan-events.js';
export * from './remittance.js';
