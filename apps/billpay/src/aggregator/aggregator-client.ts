import type http from 'node:http';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  AggregatorPaths,
  type BalanceResponse,
  type InquiryResponse,
  type StatementResponse,
  type TransactionResponse,
} from '@koperasi/contracts';
import { HttpTimeoutError, keepAliveAgent, postJson } from '@koperasi/platform';
import {
  BILLPAY_CONFIG,
  type AggregatorConfig,
  type BillpayConfig,
} from '../infrastructure/billpay-config.js';
import { aggregatorCallSeconds } from '../metrics/billpay-metrics.js';
import { requestSignature } from './aggregator-signature.js';

/**
 * The answer to one call. Anything but `ok` means we do not know what the aggregator did with the request:
 * for a transaction that is a pending payment, never a failed one.
 */
export type AggregatorAnswer<T> =
  | { ok: true; body: T }
  | { ok: false; failure: 'TIMEOUT' | 'NETWORK' | 'HTTP_ERROR' | 'MALFORMED'; detail: string };

type Operation = 'inquiry' | 'transaction' | 'status' | 'balance' | 'statement';

/** Connections kept to the aggregator: the dispatcher's call slots, the inquiries and the status checks. */
const MAX_SOCKETS = 256;

/** The PPOB aggregator over HTTP (aggregator-protocol.ts): signed JSON POSTs carrying our ref_id. */
@Injectable()
export class AggregatorClient implements OnApplicationShutdown {
  private readonly logger = new Logger(AggregatorClient.name);
  private readonly config: AggregatorConfig;
  private readonly agent: http.Agent;

  constructor(@Inject(BILLPAY_CONFIG) config: BillpayConfig) {
    this.config = config.aggregator;
    this.agent = keepAliveAgent(this.config.baseUrl, MAX_SOCKETS);
  }

  onApplicationShutdown(): void {
    this.agent.destroy();
  }

  inquiry(
    refId: string,
    productCode: string,
    customerNo: string,
  ): Promise<AggregatorAnswer<InquiryResponse>> {
    return this.post('inquiry', AggregatorPaths.inquiry, refId, {
      product_code: productCode,
      customer_no: customerNo,
    });
  }

  transaction(
    refId: string,
    productCode: string,
    customerNo: string,
  ): Promise<AggregatorAnswer<TransactionResponse>> {
    return this.post('transaction', AggregatorPaths.transaction, refId, {
      product_code: productCode,
      customer_no: customerNo,
    });
  }

  status(refId: string): Promise<AggregatorAnswer<TransactionResponse>> {
    return this.post('status', AggregatorPaths.status, refId, {});
  }

  balance(): Promise<AggregatorAnswer<BalanceResponse>> {
    return this.post('balance', AggregatorPaths.balance, '', {});
  }

  statement(date: string): Promise<AggregatorAnswer<StatementResponse>> {
    return this.post('statement', AggregatorPaths.statement, '', { date });
  }

  private async post<T extends { data: unknown }>(
    operation: Operation,
    path: string,
    refId: string,
    fields: Record<string, string>,
  ): Promise<AggregatorAnswer<T>> {
    const { username, apiKey } = this.config;
    const body = JSON.stringify({
      username,
      ...(refId ? { ref_id: refId } : {}),
      ...fields,
      sign: requestSignature(apiKey, username, refId),
    });
    const timeoutMs =
      operation === 'transaction' ? this.config.transactionTimeoutMs : this.config.queryTimeoutMs;
    const stopTimer = aggregatorCallSeconds.startTimer({ operation });
    const answer = await this.send<T>(path, body, timeoutMs);
    stopTimer({ outcome: answer.ok ? 'ok' : answer.failure.toLowerCase() });
    if (!answer.ok)
      this.logger.warn(`${operation} ${refId || ''}: ${answer.failure} ${answer.detail}`);
    return answer;
  }

  private async send<T extends { data: unknown }>(
    path: string,
    body: string,
    timeoutMs: number,
  ): Promise<AggregatorAnswer<T>> {
    let answer: { status: number; text: string };
    try {
      answer = await postJson(
        this.agent,
        new URL(`${this.config.baseUrl}${path}`),
        body,
        timeoutMs,
      );
    } catch (error) {
      return {
        ok: false,
        failure: error instanceof HttpTimeoutError ? 'TIMEOUT' : 'NETWORK',
        detail: describe(error),
      };
    }
    const ok = answer.status >= 200 && answer.status < 300;
    let parsed: unknown;
    try {
      parsed = JSON.parse(answer.text);
    } catch (error) {
      return {
        ok: false,
        failure: ok ? 'MALFORMED' : 'HTTP_ERROR',
        detail: `HTTP ${answer.status}: ${describe(error)}`,
      };
    }
    if (!ok) return { ok: false, failure: 'HTTP_ERROR', detail: `HTTP ${answer.status}` };
    if (
      typeof parsed !== 'object' ||
      parsed === null ||
      typeof (parsed as { data?: unknown }).data !== 'object'
    ) {
      return { ok: false, failure: 'MALFORMED', detail: 'no data object in the answer' };
    }
    return { ok: true, body: parsed as T };
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
}
