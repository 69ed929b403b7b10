/**
 * A command sent from the gateway to a service over Kafka request-reply. `commandId` is fixed by the
 * gateway from the koperasi and the Idempotency-Key, so a service that sees it twice answers the first reply
 * again instead of acting twice.
 */
export interface CommandEnvelope<TPayload> {
  commandId: string;
  koperasiId: string;
  actor: { userId: string; role: UserRole };
  correlationId: string;
  payload: TPayload;
}

export type UserRole = 'admin' | 'supervisor' | 'teller' | 'auditor';

/** The HTTP status the gateway answers with; services decide it because they know the rule that refused. */
export type CommandErrorStatus = 400 | 403 | 404 | 409 | 422;

export interface CommandError {
  status: CommandErrorStatus;
  code: string;
  message: string;
  details?: unknown;
}

export type CommandReply<TResult> =
  { ok: true; result: TResult } | { ok: false; error: CommandError };
