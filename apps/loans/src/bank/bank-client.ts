import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  BankPaths,
  type BankLoan,
  type CollectionAck,
  type CollectionNotice,
  type RemittanceRequest,
  type RemittanceStatusResponse,
} from '@koperasi/contracts';
import type http from 'node:http';
import { HttpTimeoutError, keepAliveAgent, requestJson, type JsonAnswer } from '@koperasi/platform';
import { LOANS_CONFIG, type LoansConfig } from '../infrastructure/loans-config.js';

/** Connections to the bank kept open; bounds the notices and lookups in flight at once. */
const MAX_BANK_SOCKETS = 64;

/**
 * What a call to the bank came to. UNAVAILABLE means no usable answer (down, timed out, dropped, 5xx): for a
 * write, the bank may or may not have taken it. REFUSED is a definite answer the bank gave (4xx).
 */
export type BankResult<T> =
  | { ok: true; value: T }
  | { ok: false; kind: 'NOT_FOUND' | 'UNAVAILABLE'; message: string }
  /** `status` and `code` as the bank gave them: a 422 is a refusal no retry changes. */
  | {
      ok: false;
      kind: 'REFUSED';
      message: string;
      status: number;
      code: string | null;
      reason: string;
    };

/** The bank's collection-agent API over HTTP (libs/contracts partners/bank-protocol). */
@Injectable()
export class BankClient {
  private readonly logger = new Logger(BankClient.name);
  private readonly agent: http.Agent;

  constructor(@Inject(LOANS_CONFIG) private readonly config: LoansConfig) {
    this.agent = keepAliveAgent(config.bankUrl, MAX_BANK_SOCKETS);
  }

  loan(agentId: string, loanNo: string): Promise<BankResult<BankLoan>> {
    return this.call('GET', BankPaths.loan(loanNo), agentId, undefined, this.config.bankTimeoutMs);
  }

  notifyCollection(agentId: string, notice: CollectionNotice): Promise<BankResult<CollectionAck>> {
    return this.call('POST', BankPaths.collections, agentId, notice, this.config.bankTimeoutMs);
  }

  remit(
    agentId: string,
    request: RemittanceRequest,
  ): Promise<BankResult<RemittanceStatusResponse>> {
    return this.call(
      'POST',
      BankPaths.remittances,
      agentId,
      request,
      this.config.bankRemittanceTimeoutMs,
    );
  }

  remittanceStatus(
    agentId: string,
    batchRef: string,
  ): Promise<BankResult<RemittanceStatusResponse>> {
    return this.call(
      'GET',
      BankPaths.remittance(batchRef),
      agentId,
      undefined,
      this.config.bankTimeoutMs,
    );
  }

  private async call<T>(
    method: 'GET' | 'POST',
    path: string,
    agentId: string,
    body: unknown,
    timeoutMs: number,
  ): Promise<BankResult<T>> {
    const send = () =>
      requestJson(this.agent, new URL(`${this.config.bankUrl}${path}`), {
        method,
        headers: { authorization: `Bearer ${this.config.bankApiKey}`, 'x-agent-id': agentId },
        body,
        timeoutMs,
      });
    let answer: JsonAnswer;
    try {
      // A kept-alive connection the bank closed as it was reused: a read is simply asked again.
      answer = await send().catch((error: unknown) =>
        method === 'GET' && isConnectionReset(error) ? send() : Promise.reject(error),
      );
    } catch (error) {
      if (error instanceof HttpTimeoutError)
        return unavailable(`the bank did not answer within ${timeoutMs} ms`);
      return unavailable(
        `the bank could not be reached or dropped the answer (${describe(error)})`,
      );
    }
    const { status, body: parsed } = answer;
    if (parsed === undefined)
      return unavailable(`the bank's answer to ${method} ${path} was unreadable (HTTP ${status})`);
    if (status >= 200 && status < 300) return { ok: true, value: parsed as T };
    const message = messageOf(parsed) ?? `HTTP ${status}`;
    if (status === 404) return { ok: false, kind: 'NOT_FOUND', message };
    if (status >= 500) return unavailable(`the bank answered ${status}: ${message}`);
    this.logger.warn(`${method} ${path} refused by the bank: ${status} ${message}`);
    const code = (parsed as { code?: unknown } | null)?.code;
    return {
      ok: false,
      kind: 'REFUSED',
      message: `the bank refused (${status}): ${message}`,
      status,
      code: typeof code === 'string' ? code : null,
      reason: message,
    };
  }
}

function unavailable(message: string): BankResult<never> {
  return { ok: false, kind: 'UNAVAILABLE', message };
}

function messageOf(body: unknown): string | null {
  const candidate = body as { message?: unknown; code?: unknown } | null;
  if (typeof candidate?.message === 'string') return candidate.message;
  if (typeof candidate?.code === 'string') return candidate.code;
  return null;
}

function isConnectionReset(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'ECONNRESET' || code === 'EPIPE';
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as Error & { code?: string }).code;
    return code ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
