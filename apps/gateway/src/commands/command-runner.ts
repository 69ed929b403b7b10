import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { CommandEnvelope, CommandError } from '@koperasi/contracts';
import { nowInWib } from '@koperasi/service-kit';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CashDrawerGate, cashDrawerClosedError } from '../cash-drawer/cash-drawer-gate.js';
import type { ApiErrorBody } from '../http/api-error-body.js';
import { ApiException } from '../http/api-exception.js';
import type { StoredResponse } from '../idempotency/idempotency.repository.js';
import { IdempotencyService } from '../idempotency/idempotency.service.js';
import type { IdempotentWrite } from '../idempotency/idempotent-write.decorator.js';
import { COMMAND_SENDER, type CommandSender } from './command-sender.js';

export const PLATFORM_SCOPE = 'platform';

export interface CommandRequest<TPayload, TResult> {
  user: AuthenticatedUser;
  /**
   * The request's Idempotency-Key; null for a PUT idempotent by its own nature (the same one again answers
   * the same), which is sent with a fresh commandId every time.
   */
  write: IdempotentWrite | null;
  /** The validated request body, as hashed for the idempotency check. */
  body: unknown;
  command: string;
  /** The koperasi the command acts in ('platform' for the admin's koperasi registration). */
  koperasiId: string;
  /** Kafka key: the aggregate id so one member's commands stay in order; null uses the commandId. */
  partitionKey: string | null;
  payload: TPayload;
  successStatus: 200 | 201;
  present(result: TResult): unknown;
  /** Cash crosses the acting user's drawer: refused once that drawer is closed for the day. */
  movesDrawerCash?: boolean;
}

/**
 * One write from HTTP to a service: idempotency key, envelope, Kafka request-reply, reply to HTTP. Refusals
 * are stored like successes, so a repeat answers the same refusal without asking the service again.
 */
@Injectable()
export class CommandRunner {
  constructor(
    private readonly idempotency: IdempotencyService,
    @Inject(COMMAND_SENDER) private readonly sender: CommandSender,
    private readonly drawers: CashDrawerGate,
  ) {}

  async run<TPayload, TResult>(request: CommandRequest<TPayload, TResult>): Promise<unknown> {
    const { user, write } = request;
    if (write === null) return replay(await this.send(request, randomUUID()));
    const scope = user.koperasiId ?? PLATFORM_SCOPE;
    // Looked up beside the key's claim, not after it: one round trip less before the command leaves.
    const drawerClosed = request.movesDrawerCash
      ? this.drawers.isClosed(request.koperasiId, user.id, nowInWib().slice(0, 10))
      : Promise.resolve(false);
    drawerClosed.catch(() => undefined); // awaited (and its failure seen) in the key's first run only
    const response = await this.idempotency.run(
      {
        scope,
        userId: user.id,
        key: write.key,
        method: write.method,
        path: write.path,
        body: request.body,
      },
      async (commandId) => {
        // Inside the key's first run only: a repeat of a transaction taken before the closing still answers as it did.
        if (await drawerClosed) throw cashDrawerClosedError();
        return this.send(request, commandId);
      },
    );
    return replay(response);
  }

  private async send<TPayload, TResult>(
    request: CommandRequest<TPayload, TResult>,
    commandId: string,
  ): Promise<StoredResponse> {
    const envelope: CommandEnvelope<TPayload> = {
      commandId,
      koperasiId: request.koperasiId,
      actor: { userId: request.user.id, role: request.user.role },
      correlationId: randomUUID(),
      payload: request.payload,
    };
    const reply = await this.sender.send<TPayload, TResult>(
      request.command,
      request.partitionKey ?? commandId,
      envelope,
    );
    return reply.ok
      ? { status: request.successStatus, body: request.present(reply.result) }
      : { status: reply.error.status, body: errorBodyOf(reply.error) };
  }
}

export function errorBodyOf(error: CommandError): ApiErrorBody {
  return {
    statusCode: error.status,
    error: error.code,
    message: error.message,
    details: error.details ?? null,
  };
}

/** A stored success is returned; a stored refusal is thrown again so the filter renders it exactly as before. */
function replay(response: StoredResponse): unknown {
  if (response.status < 400) return response.body;
  const body = response.body as ApiErrorBody;
  throw new ApiException(response.status, body.error, body.message, body.details);
}
