import type { CommandErrorStatus, CommandReply } from '@koperasi/contracts';

export function accepted<R>(result: R): CommandReply<R> {
  return { ok: true, result };
}

export function refused(
  status: CommandErrorStatus,
  code: string,
  message: string,
  details?: unknown,
): CommandReply<never> {
  return {
    ok: false,
    error: details === undefined ? { status, code, message } : { status, code, message, details },
  };
}

/** A bad field of a command payload, named so the counter sees which one. */
export function badField(field: string, message: string): CommandReply<never> {
  return refused(400, 'VALIDATION_FAILED', `${field}: ${message}`, [{ field, message }]);
}
