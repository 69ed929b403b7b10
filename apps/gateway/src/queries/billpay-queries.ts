import type http from 'node:http';
import { HttpStatus, Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type {
  BillReceipt,
  DepositView,
  PaymentStatus,
  PaymentView,
  ProductKind,
} from '@koperasi/contracts';
import { httpRequest, keepAliveAgent } from '@koperasi/platform';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config.js';
import { ApiException } from '../http/api-exception.js';

const segment = encodeURIComponent;
const QUERY_TIMEOUT_MS = 5_000;
/** An inquiry waits for the aggregator (billpay gives it up to 10 s). */
const INQUIRY_TIMEOUT_MS = 15_000;
/** Every counter's payment waits on one of these for up to its outcome wait. */
const MAX_SOCKETS = 256;

export interface BillpayProduct {
  code: string;
  name: string;
  kind: ProductKind;
  biller: string;
  customerNoRule: string;
  customerNoFormat: string;
  denominationRp: number | null;
  adminFeeRp: number;
  totalAmountRp: number | null;
}

export interface BillpayInquiry {
  inquiryId: string;
  refId: string;
  productCode: string;
  productName: string;
  kind: ProductKind;
  customerNo: string;
  customerName: string | null;
  period: string | null;
  segmentPower: string | null;
  billAmountRp: number;
  adminFeeRp: number;
  totalAmountRp: number;
  expiresAt: string;
}

export interface BillpayPayment extends PaymentView {
  failure: { rc: string; reason: string } | null;
  resolvedBy: string | null;
}

/** The reply of billpay.cmd.pay-bill. */
export interface PayBillResult {
  paymentId: string;
  status: PaymentStatus;
  refId: string;
}

export interface RefundResult {
  paymentId: string;
  amountRp: number;
  refund: 'PAID';
  eventId: string;
}

export interface TopUpResult {
  topupId: string;
  amountRp: number;
  bankTransferRef: string;
  deposit: DepositView;
}

export interface ReconciliationDifference {
  kind: 'MISSING_ON_OUR_SIDE' | 'MISSING_ON_THEIR_SIDE' | 'AMOUNT_MISMATCH';
  ref: string;
  oursRp: number | null;
  theirsRp: number | null;
  ourStatus: PaymentStatus | null;
}

export interface Reconciliation {
  date: string;
  ours: { openingRp: number; closingRp: number; movementRp: number; movements: number };
  theirs: { openingRp: number; closingRp: number; movementRp: number; lines: number };
  matched: number;
  differences: ReconciliationDifference[];
}

export interface CallbackAnswer {
  verdict: string;
  paymentId: string | null;
}

interface ErrorBody {
  error?: unknown;
  message?: unknown;
  details?: unknown;
}

/** Statuses billpay answers on purpose, with its own error code; passed on to the caller as they are. */
const PASSED_ON = new Set([400, 401, 404, 409, 422, 502, 503]);

/** The billpay service's internal HTTP API, always scoped by koperasi (callbacks aside). */
@Injectable()
export class BillpayQueries implements OnApplicationShutdown {
  private readonly logger = new Logger('BillpayQueries');
  private readonly baseUrl: string;
  private readonly token: string;
  private readonly agent: http.Agent;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.baseUrl = config.billpayInternalUrl;
    this.token = config.internalApiToken;
    this.agent = keepAliveAgent(this.baseUrl, MAX_SOCKETS);
  }

  onApplicationShutdown(): void {
    this.agent.destroy();
  }

  products(koperasiId: string): Promise<BillpayProduct[]> {
    return this.call('GET', `/internal/koperasi/${segment(koperasiId)}/products`);
  }

  inquire(
    koperasiId: string,
    request: { productCode: string; customerNo: string; tellerId: string },
  ): Promise<BillpayInquiry> {
    return this.call('POST', `/internal/koperasi/${segment(koperasiId)}/inquiries`, {
      json: request,
      timeoutMs: INQUIRY_TIMEOUT_MS,
    });
  }

  /** With `waitMs`, billpay answers as soon as the aggregator's first answer is recorded, or after waitMs. */
  payment(koperasiId: string, paymentId: string, waitMs = 0): Promise<BillpayPayment> {
    const query = waitMs > 0 ? `?waitMs=${waitMs}` : '';
    return this.call(
      'GET',
      `/internal/koperasi/${segment(koperasiId)}/payments/${segment(paymentId)}${query}`,
      {
        timeoutMs: QUERY_TIMEOUT_MS + waitMs,
      },
    );
  }

  payments(
    koperasiId: string,
    query: { date?: string; status?: string },
  ): Promise<BillpayPayment[]> {
    const search = new URLSearchParams(
      Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    const suffix = search.size > 0 ? `?${search.toString()}` : '';
    return this.call('GET', `/internal/koperasi/${segment(koperasiId)}/payments${suffix}`);
  }

  receipt(koperasiId: string, paymentId: string): Promise<BillReceipt> {
    return this.call(
      'GET',
      `/internal/koperasi/${segment(koperasiId)}/payments/${segment(paymentId)}/receipt`,
    );
  }

  deposit(koperasiId: string): Promise<DepositView> {
    return this.call('GET', `/internal/koperasi/${segment(koperasiId)}/deposit`);
  }

  reconciliation(koperasiId: string, date: string): Promise<Reconciliation> {
    return this.call(
      'GET',
      `/internal/koperasi/${segment(koperasiId)}/reconciliation?date=${segment(date)}`,
      { timeoutMs: INQUIRY_TIMEOUT_MS },
    );
  }

  /** The aggregator's callback, its raw bytes untouched: billpay checks the signature over exactly them. */
  callback(
    provider: string,
    rawBody: Buffer,
    signature: string | undefined,
  ): Promise<CallbackAnswer> {
    return this.call('POST', `/internal/callbacks/${segment(provider)}`, {
      raw: rawBody,
      signature,
    });
  }

  private async call<T>(
    method: 'GET' | 'POST',
    path: string,
    options: { json?: unknown; raw?: Buffer; signature?: string; timeoutMs?: number } = {},
  ): Promise<T> {
    const headers: Record<string, string> = {
      'x-internal-token': this.token,
      accept: 'application/json',
    };
    if (options.json !== undefined || options.raw !== undefined)
      headers['content-type'] = 'application/json';
    if (options.signature !== undefined) headers['x-hub-signature'] = options.signature;
    const body =
      options.raw ??
      (options.json === undefined ? undefined : Buffer.from(JSON.stringify(options.json)));
    let answer: { status: number; text: string };
    try {
      answer = await httpRequest(this.agent, new URL(`${this.baseUrl}${path}`), {
        method,
        headers,
        body,
        timeoutMs: options.timeoutMs ?? QUERY_TIMEOUT_MS,
      });
    } catch (error) {
      this.logger.warn(`${method} ${path} failed: ${String(error)}`);
      throw new ApiException(
        HttpStatus.SERVICE_UNAVAILABLE,
        'SERVICE_UNAVAILABLE',
        'The billpay service did not answer; try again',
      );
    }
    const parsed = parseJson(answer.text);
    if (answer.status >= 200 && answer.status < 300 && parsed !== undefined) return parsed as T;
    const error = parsed as ErrorBody | undefined;
    if (PASSED_ON.has(answer.status) && typeof error?.message === 'string') {
      const code = typeof error.error === 'string' ? error.error : 'BILLPAY_REFUSED';
      throw new ApiException(answer.status, code, error.message, error.details ?? null);
    }
    this.logger.warn(`${method} ${path} answered ${answer.status}`);
    throw new ApiException(
      HttpStatus.BAD_GATEWAY,
      'UPSTREAM_ERROR',
      'The billpay service failed to answer this request',
    );
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
