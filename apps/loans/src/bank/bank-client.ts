import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  BankPaths,
  type BankLoan,
  type CollectionAck,
  type CollectionNotice,
  type RemittanceRequest,
  type RemittanceStatusResponse,
} from '@koperasi/contracts';
import { LOANS_CONFIG, type LoansConfig } from '../infrastructure/loans-config.js';

/**
 * What a call to the bank came to. UNAVAILABLE means no usable answer (down, timed out, dropped, 5xx): for a
 * write, the bank may or may not have taken it. REFUSED is a definite answer the bank gave (4xx).
 */
export type BankResult<T> =
  | { ok: true; value: T }
  | { ok: false; kind: 'NOT_FOUND' | 'UNAVAILABLE' | 'REFUSED'; message: string };

/** The bank's collection-agent API over HTTP (libs/contracts partners/bank-protocol). */
@Injectable()
export class BankClient {
  private readonly logger = new Logger(BankClient.name);

  constructor(@Inject(LOANS_CONFIG) private readonly config: LoansConfig) {}

  loan(agentId: string, loanNo: string): Promise<BankResult<BankLoan>> {
    return this.call('GET', BankPaths.loan(loanNo), agentId, undefined, this.config.bankTimeoutMs);
  }

  notifyCollection(agentId: string, notice: CollectionNotice): Promise<BankResult<CollectionAck>> {
    return this.call('POST', BankPaths.collections, agentId, notice, this.config.bankTimeoutMs);
  }

  remit(agentId: string, request: RemittanceRequest): Promise<BankResult<RemittanceStatusResponse>> {
    return this.call('POST', BankPaths.remittances, agentId, request, this.config.bankRemittanceTimeoutMs);
  }

  remittanceStatus(agentId: string, batchRef: string): Promise<BankResult<RemittanceStatusResponse>> {
    return this.call('GET', BankPaths.remittance(batchRef), agentId, undefined, this.config.bankTimeoutMs);
  }

  private async call<T>(method: 'GET' | 'POST', path: string, agentId: string, body: unknown, timeoutMs: number): Promise<BankResult<T>> {
    let response: Response;
    try {
      response = await fetch(`${this.config.bankUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.config.bankApiKey}`,
          'x-agent-id': agentId,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      return unavailable(timedOut ? `the bank did not answer within ${timeoutMs} ms` : `the bank could not be reached (${describe(error)})`);
    }
    let parsed: unknown;
    try {
      parsed = await response.json();
    } catch (error) {
      // A cut connection or a body that is not JSON: nothing the bank said can be relied on.
      return unavailable(`the bank's answer to ${method} ${path} was unreadable (${response.status}, ${describe(error)})`);
    }
    if (response.ok) return { ok: true, value: parsed as T };
    const message = messageOf(parsed) ?? `HTTP ${response.status}`;
    if (response.status === 404) return { ok: false, kind: 'NOT_FOUND', message };
    if (response.status >= 500) return unavailable(`the bank answered ${response.status}: ${message}`);
    this.logger.warn(`${method} ${path} refused by the bank: ${response.status} ${message}`);
    return { ok: false, kind: 'REFUSED', message: `the bank refused (${response.status}): ${message}` };
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

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: { code?: string } }).cause;
    return cause?.code ? `${error.message}: ${cause.code}` : error.message;
  }
  return String(error);
}
