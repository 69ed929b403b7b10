import type { Decision, DomainError } from '@koperasi/domain';
import type { BillpayErrorCode } from './billpay-error-code.js';
import type { BillpayEvent } from './billpay-events.js';

export type BillpayDecision<TEvent extends BillpayEvent = BillpayEvent> = Decision<
  TEvent,
  BillpayErrorCode
>;

export interface BillpayRefusal {
  ok: false;
  error: DomainError<BillpayErrorCode>;
}

export function refuse(code: BillpayErrorCode, message: string): BillpayRefusal {
  return { ok: false, error: { code, message } };
}
