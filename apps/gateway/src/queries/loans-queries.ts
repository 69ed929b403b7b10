import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import type {
  CollectionAgreementView,
  CollectionView,
  LoanAccountView,
  RemittanceView,
} from '@koperasi/contracts';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config.js';
import type http from 'node:http';
import { keepAliveAgent, requestJson, type JsonAnswer } from '@koperasi/platform';
import { ApiException } from '../http/api-exception.js';

/** Reading a loan waits on the bank, which the loans service gives 3 s; this leaves it room to say so. */
const LOANS_QUERY_TIMEOUT_MS = 8_000;

const segment = encodeURIComponent;
/** Connections to the loans service kept open; bounds the lookups in flight at once. */
const MAX_LOANS_SOCKETS = 64;

export interface CollectionList {
  date: string;
  status: string | null;
  count: number;
  amountRp: number;
  feeRp: number;
  collections: CollectionView[];
  truncated: boolean;
}

export interface AgreementUpdate {
  fee: { kind: 'FIXED'; feeRp: number } | { kind: 'PERCENT'; basisPoints: number };
  partialAllowed: boolean;
  feeMode: 'BANK_PAYS' | 'NETTED';
  updatedBy: string;
}

/**
 * The loans service's internal HTTP, always scoped by koperasi. Unlike the other services' queries, a 503
 * here carries the service's own words, because it is the bank that is unavailable and the counter must say so.
 */
@Injectable()
export class LoansQueries {
  private readonly logger = new Logger(LoansQueries.name);
  private readonly agent: http.Agent;

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {
    this.agent = keepAliveAgent(config.loansInternalUrl, MAX_LOANS_SOCKETS);
  }

  loan(koperasiId: string, loanNo: string): Promise<LoanAccountView> {
    return this.request(
      'GET',
      `/internal/koperasi/${segment(koperasiId)}/loans/${segment(loanNo)}`,
      {},
      undefined,
      'LOAN_NOT_FOUND',
    );
  }

  collection(koperasiId: string, collectionId: string): Promise<CollectionView> {
    return this.request(
      'GET',
      `/internal/koperasi/${segment(koperasiId)}/collections/${segment(collectionId)}`,
    );
  }

  /** Collections the bank refused: owed back to the customer first, then the latest paid back. */
  refusedCollections(koperasiId: string): Promise<CollectionView[]> {
    return this.request('GET', `/internal/koperasi/${segment(koperasiId)}/collections/refused`);
  }

  collections(
    koperasiId: string,
    query: { date?: string; status?: string },
  ): Promise<CollectionList> {
    return this.request('GET', `/internal/koperasi/${segment(koperasiId)}/collections`, query);
  }

  remittance(koperasiId: string, remittanceId: string): Promise<RemittanceView> {
    return this.request(
      'GET',
      `/internal/koperasi/${segment(koperasiId)}/remittances/${segment(remittanceId)}`,
    );
  }

  agreements(koperasiId: string): Promise<CollectionAgreementView[]> {
    return this.request('GET', `/internal/koperasi/${segment(koperasiId)}/agreements`);
  }

  setAgreement(
    koperasiId: string,
    product: string,
    update: AgreementUpdate,
  ): Promise<CollectionAgreementView> {
    return this.request(
      'PUT',
      `/internal/koperasi/${segment(koperasiId)}/agreements/${segment(product)}`,
      {},
      update,
    );
  }

  private async request<T>(
    method: 'GET' | 'PUT',
    path: string,
    query: Record<string, string | undefined> = {},
    body?: unknown,
    notFoundCode = 'NOT_FOUND',
  ): Promise<T> {
    const url = new URL(`${this.config.loansInternalUrl}${path}`);
    for (const [name, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.set(name, value);
    const send = () =>
      requestJson(this.agent, url, {
        method,
        headers: { 'x-internal-token': this.config.internalApiToken },
        body,
        timeoutMs: LOANS_QUERY_TIMEOUT_MS,
      });
    let response: JsonAnswer;
    try {
      // A kept-alive connection the service closed as it was reused: a read is simply asked again.
      response = await send().catch((error: unknown) =>
        method === 'GET' && isConnectionReset(error) ? send() : Promise.reject(error),
      );
    } catch (error) {
      this.logger.warn(`${method} ${url.pathname} failed: ${String(error)}`);
      throw new ApiException(
        HttpStatus.SERVICE_UNAVAILABLE,
        'SERVICE_UNAVAILABLE',
        'The loans service did not answer; try again',
      );
    }
    if (response.status >= 200 && response.status < 300 && response.body !== undefined)
      return response.body as T;
    const answer = response.body as { message?: unknown } | undefined;
    const message = typeof answer?.message === 'string' ? answer.message : null;
    switch (response.status) {
      case HttpStatus.NOT_FOUND:
        throw new ApiException(HttpStatus.NOT_FOUND, notFoundCode, message ?? 'Not found');
      case HttpStatus.BAD_REQUEST:
        throw new ApiException(
          HttpStatus.BAD_REQUEST,
          'VALIDATION_FAILED',
          message ?? 'Bad request',
        );
      case HttpStatus.SERVICE_UNAVAILABLE:
        throw new ApiException(
          HttpStatus.SERVICE_UNAVAILABLE,
          'BANK_UNAVAILABLE',
          message ?? 'The bank cannot be reached right now; try again shortly',
        );
      default:
        this.logger.warn(`${method} ${url.pathname} answered ${response.status}`);
        throw new ApiException(
          HttpStatus.BAD_GATEWAY,
          'UPSTREAM_ERROR',
          'The loans service failed to answer',
        );
    }
  }
}

function isConnectionReset(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'ECONNRESET' || code === 'EPIPE';
}
