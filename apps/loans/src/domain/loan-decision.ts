import type { Decision, DomainError } from '@koperasi/domain';
import type { LoanErrorCode } from './loan-error-code.js';
import type { CollectionEvent, RemittanceEvent } from './loan-events.js';

export type LoanDecision<TEvent extends CollectionEvent | RemittanceEvent> = Decision<
  TEvent,
  LoanErrorCode
>;

export interface LoanRefusal {
  ok: false;
  error: DomainError<LoanErrorCode>;
}

export function refuse(code: LoanErrorCode, message: string): LoanRefusal {
  return { ok: false, error: { code, message } };
}
