import type { Decision, DomainError } from '@koperasi/domain';
import type { MemberErrorCode } from './member-error-code.js';
import type { MemberEvent } from './member-events.js';

export type MemberDecision<TEvent extends MemberEvent = MemberEvent> = Decision<
  TEvent,
  MemberErrorCode
>;

export interface MemberRefusal {
  ok: false;
  error: DomainError<MemberErrorCode>;
}

export function refuse(code: MemberErrorCode, message: string): MemberRefusal {
  return { ok: false, error: { code, message } };
}
