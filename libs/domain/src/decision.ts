import type { NewEvent } from '@koperasi/contracts';
import type { DomainError } from './domain-error.js';

/** What a decider returns: refusals are values, so a broken rule never travels as an exception. */
export type Decision<TEvent extends NewEvent, TCode extends string = string> =
  { ok: true; events: TEvent[] } | { ok: false; error: DomainError<TCode> };
