import { createHash } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { canonicalJson } from '@koperasi/contracts';
import { CommandOutcomeUnknownError } from '../commands/command-sender.js';
import { commandIdFor } from '../commands/command-id.js';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config.js';
import { ApiException } from '../http/api-exception.js';
import { IdempotencyRepository, type StoredResponse } from './idempotency.repository.js';

export interface IdempotentRequest {
  /** The caller's koperasiId, or 'platform' for the admin: keys of different koperasi never meet. */
  scope: string;
  /** Who sent it; kept with the key so an auditor can trace a command to its user. */
  userId: string;
  key: string;
  method: string;
  path: string;
  body: unknown;
}

const POLL_INTERVAL_MS = 50;

/**
 * Runs a write at most once per (scope, Idempotency-Key). The first request claims the key and executes;
 * a repeat with the same body gets the stored response (waiting while the first is still running); a repeat
 * with another body is refused with 422. When the outcome is unknown the key is freed and the client told to
 * retry with it: the commandId derives from the key, so the service still acts only once.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly keys: IdempotencyRepository,
    @Inject(GATEWAY_CONFIG) private readonly config: Pick<GatewayConfig, 'commandTimeoutMs'>,
  ) {}

  async run(
    request: IdempotentRequest,
    execute: (commandId: string) => Promise<StoredResponse>,
  ): Promise<StoredResponse> {
    const { scope, key } = request;
    const requestHash = hashRequest(request);
    const deadline = Date.now() + this.config.commandTimeoutMs;
    for (;;) {
      const claimed = await this.keys.claim(scope, key, requestHash, {
        commandId: commandIdFor(scope, key),
        userId: request.userId,
        method: request.method,
        path: request.path,
      });
      if (claimed) return this.executeClaimed(scope, key, execute);
      const existing = await this.keys.find(scope, key);
      if (existing && existing.requestHash !== requestHash) {
        throw new ApiException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was already used for a different request; use a new key for a new request',
        );
      }
      if (existing?.state === 'done') return existing.response;
      // An owner answers within its command timeout; one silent for twice that is gone, and its claim with it.
      if (
        existing &&
        (await this.keys.takeOverStale(scope, key, requestHash, 2 * this.config.commandTimeoutMs))
      ) {
        return this.executeClaimed(scope, key, execute);
      }
      // In progress elsewhere (or just released by a timed-out owner, then we try to claim it again).
      if (Date.now() >= deadline) throw outcomeUnknown();
      await sleep(POLL_INTERVAL_MS);
    }
  }

  private async executeClaimed(
    scope: string,
    key: string,
    execute: (commandId: string) => Promise<StoredResponse>,
  ): Promise<StoredResponse> {
    let response: StoredResponse;
    try {
      response = await execute(commandIdFor(scope, key));
    } catch (error) {
      await this.keys.release(scope, key);
      throw error instanceof CommandOutcomeUnknownError ? outcomeUnknown() : error;
    }
    await this.keys.complete(scope, key, response);
    return response;
  }
}

export function hashRequest({
  method,
  path,
  body,
}: Pick<IdempotentRequest, 'method' | 'path' | 'body'>): string {
  return createHash('sha256').update(canonicalJson({ method, path, body })).digest('hex');
}

function outcomeUnknown(): ApiException {
  return new ApiException(
    HttpStatus.SERVICE_UNAVAILABLE,
    'OUTCOME_UNKNOWN',
    'The request was sent but no answer came in time; retry with the same Idempotency-Key and body to get its outcome',
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
