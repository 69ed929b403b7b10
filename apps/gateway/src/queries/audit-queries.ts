import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import type {
  AuditEvent,
  AuditEventPage,
  AuditStreamPage,
  ServiceChainReport,
} from '@koperasi/service-kit';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config.js';
import { ApiException } from '../http/api-exception.js';

/** The services with an event store, in the order reports list them. */
export const EVENT_STORE_SERVICES = ['members', 'billpay', 'loans'] as const;
export type EventStoreService = (typeof EVENT_STORE_SERVICES)[number];

export interface StoreEventQuery {
  koperasiIds: string[];
  types: string[] | null;
  from: string | null;
  to: string | null;
  correlationId: string | null;
  /** The store's own cursor, `<transactionId>.<globalPosition>`; null from the start. */
  after: string | null;
  limit: number;
}

export interface EntryTraceView {
  service: EventStoreService | null;
  eventType: string | null;
  streamId: string | null;
  streamVersion: number | null;
  actor: string | null;
  correlationId: string | null;
  causationId: string | null;
}

export interface AuditEntryLine {
  lineNo: number;
  accountCode: string;
  debitRp: number;
  creditRp: number;
  tellerId: string | null;
  memberId: string | null;
  feeSource: string | null;
  productCode: string | null;
}

export interface AuditEntry {
  id: string;
  koperasiId: string;
  sourceEventId: string;
  occurredAt: string;
  postedAt: string;
  description: string;
  trace: EntryTraceView;
  lines: AuditEntryLine[];
}

export interface AuditEntryPage {
  entries: AuditEntry[];
  nextCursor: string | null;
}

export interface EntryQuery {
  koperasiIds: string[];
  from: string | null;
  to: string | null;
  /** Only entries with a line on this account; null: all. */
  accountCode: string | null;
  /** Only the entry this event posted; null: all. */
  sourceEventId: string | null;
  after: string | null;
  limit: number;
}

export interface BooksReport {
  ok: boolean;
  entriesChecked: number;
  unbalancedEntries: { entryId: string; koperasiId: string; debitRp: number; creditRp: number }[];
  balanceMismatches: {
    koperasiId: string;
    accountCode: string;
    journalDebitRp: number;
    journalCreditRp: number;
    balanceDebitRp: number;
    balanceCreditRp: number;
  }[];
}

export type ReplaySource = 'stores' | 'kafka';

export interface ReplayJobView {
  id: string;
  koperasiIds: string[];
  [field: string]: unknown;
}

/**
 * A URL carries at most this many koperasi ids (about 7.5 kB, well under Node's 16 kB header limit); a larger
 * scope (a kabupaten with hundreds of desa) is asked in chunks and the answers merged.
 */
const KOPERASI_PER_REQUEST = 200;
const QUERY_TIMEOUT_MS = 15_000;
/** A whole city's history is hashed again; minutes, not seconds, on a large store. */
const VERIFY_TIMEOUT_MS = 600_000;

/** The audit endpoints of every event store and of the ledger, always scoped by the caller's koperasi ids. */
@Injectable()
export class AuditQueries {
  private readonly stores: Record<EventStoreService, AuditHttp>;
  private readonly ledger: AuditHttp;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.stores = {
      members: new AuditHttp('members', config.membersInternalUrl, config.internalApiToken),
      billpay: new AuditHttp('billpay', config.billpayInternalUrl, config.internalApiToken),
      loans: new AuditHttp('loans', config.loansInternalUrl, config.internalApiToken),
    };
    this.ledger = new AuditHttp('ledger', config.ledgerInternalUrl, config.internalApiToken);
  }

  /** The stream from whichever chunk of the scope owns it; null when none does. */
  async stream(
    service: EventStoreService,
    streamId: string,
    koperasiIds: string[],
    fromVersion: number,
    limit: number,
  ): Promise<AuditStreamPage | null> {
    const pages = await Promise.all(
      chunksOf(koperasiIds).map((chunk) =>
        this.stores[service].getOrNull<AuditStreamPage>(
          `/internal/audit/streams/${encodeURIComponent(streamId)}`,
          {
            koperasiIds: chunk.join(','),
            fromVersion: String(fromVersion),
            limit: String(limit),
          },
        ),
      ),
    );
    return pages.find((page) => page !== null) ?? null;
  }

  async event(
    service: EventStoreService,
    eventId: string,
    koperasiIds: string[],
  ): Promise<AuditEvent | null> {
    const found = await Promise.all(
      chunksOf(koperasiIds).map((chunk) =>
        this.stores[service].getOrNull<AuditEvent>(
          `/internal/audit/events/${encodeURIComponent(eventId)}`,
          { koperasiIds: chunk.join(',') },
        ),
      ),
    );
    return found.find((event) => event !== null) ?? null;
  }

  /**
   * One page of a store's events in its commit order. Chunks of the scope are disjoint slices of the same log,
   * so merging them by commit position and cutting at `limit` gives exactly the page one request would have.
   */
  async events(service: EventStoreService, query: StoreEventQuery): Promise<AuditEventPage> {
    const pages = await Promise.all(
      chunksOf(query.koperasiIds).map((chunk) =>
        this.stores[service].get<AuditEventPage>('/internal/audit/events', {
          koperasiIds: chunk.join(','),
          type: query.types?.join(','),
          from: query.from ?? undefined,
          to: query.to ?? undefined,
          correlationId: query.correlationId ?? undefined,
          after: query.after ?? undefined,
          limit: String(query.limit),
        }),
      ),
    );
    if (pages.length === 1) return pages[0];
    const events = pages
      .flatMap((page) => page.events)
      .sort(byCommitPosition)
      .slice(0, query.limit);
    const more =
      pages.some((page) => page.nextCursor !== null) ||
      pages.reduce((sum, page) => sum + page.events.length, 0) > query.limit;
    const last = events.at(-1);
    return {
      events,
      nextCursor: more && last ? `${last.transactionId}.${last.globalPosition}` : null,
    };
  }

  /** The store's hash chains of the scope; chunks are verified one after another to spare the store. */
  async verify(service: EventStoreService, koperasiIds: string[]): Promise<ServiceChainReport> {
    const reports: ServiceChainReport[] = [];
    for (const chunk of chunksOf(koperasiIds)) {
      reports.push(
        await this.stores[service].get<ServiceChainReport>(
          '/internal/audit/verify',
          { koperasiIds: chunk.join(',') },
          VERIFY_TIMEOUT_MS,
        ),
      );
    }
    return mergeChainReports(service, reports);
  }

  async entry(entryId: string, koperasiIds: string[]): Promise<AuditEntry | null> {
    const found = await Promise.all(
      chunksOf(koperasiIds).map((chunk) =>
        this.ledger.getOrNull<AuditEntry>(
          `/internal/audit/entries/${encodeURIComponent(entryId)}`,
          { koperasiIds: chunk.join(',') },
        ),
      ),
    );
    return found.find((entry) => entry !== null) ?? null;
  }

  /** Journal entries by entry id; chunks merge like event pages. */
  async entries(query: EntryQuery): Promise<AuditEntryPage> {
    const pages = await Promise.all(
      chunksOf(query.koperasiIds).map((chunk) =>
        this.ledger.get<AuditEntryPage>('/internal/audit/entries', {
          koperasiIds: chunk.join(','),
          from: query.from ?? undefined,
          to: query.to ?? undefined,
          accountCode: query.accountCode ?? undefined,
          sourceEventId: query.sourceEventId ?? undefined,
          after: query.after ?? undefined,
          limit: String(query.limit),
        }),
      ),
    );
    if (pages.length === 1) return pages[0];
    const entries = pages
      .flatMap((page) => page.entries)
      .sort((a, b) => compareDecimal(a.id, b.id))
      .slice(0, query.limit);
    const more =
      pages.some((page) => page.nextCursor !== null) ||
      pages.reduce((sum, page) => sum + page.entries.length, 0) > query.limit;
    return {
      entries,
      nextCursor: more && entries.length > 0 ? entries[entries.length - 1].id : null,
    };
  }

  async verifyBooks(koperasiIds: string[]): Promise<BooksReport> {
    const reports: BooksReport[] = [];
    for (const chunk of chunksOf(koperasiIds)) {
      reports.push(
        await this.ledger.get<BooksReport>(
          '/internal/audit/books/verify',
          { koperasiIds: chunk.join(',') },
          VERIFY_TIMEOUT_MS,
        ),
      );
    }
    return {
      ok: reports.every((report) => report.ok),
      entriesChecked: reports.reduce((sum, report) => sum + report.entriesChecked, 0),
      unbalancedEntries: reports.flatMap((report) => report.unbalancedEntries),
      balanceMismatches: reports.flatMap((report) => report.balanceMismatches),
    };
  }

  startReplay(request: {
    koperasiIds: string[];
    requestedBy: string;
    source: ReplaySource;
  }): Promise<ReplayJobView> {
    return this.ledger.post<ReplayJobView>('/internal/audit/replays', request);
  }

  replay(jobId: string): Promise<ReplayJobView | null> {
    return this.ledger.getOrNull<ReplayJobView>(
      `/internal/audit/replays/${encodeURIComponent(jobId)}`,
      {},
    );
  }
}

export function chunksOf(koperasiIds: string[]): string[][] {
  const chunks: string[][] = [];
  for (let start = 0; start < koperasiIds.length; start += KOPERASI_PER_REQUEST) {
    chunks.push(koperasiIds.slice(start, start + KOPERASI_PER_REQUEST));
  }
  return chunks;
}

/** (transaction_id, global_position), both unsigned integers as text. */
export function byCommitPosition(a: AuditEvent, b: AuditEvent): number {
  return (
    compareDecimal(a.transactionId, b.transactionId) ||
    compareDecimal(a.globalPosition, b.globalPosition)
  );
}

function compareDecimal(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function mergeChainReports(service: string, reports: ServiceChainReport[]): ServiceChainReport {
  return {
    service,
    checkedAt: new Date().toISOString(),
    ok: reports.every((report) => report.ok),
    streamsChecked: reports.reduce((sum, report) => sum + report.streamsChecked, 0),
    eventsChecked: reports.reduce((sum, report) => sum + report.eventsChecked, 0),
    breaks: reports.flatMap((report) => report.breaks),
    breaksTruncated: reports.some((report) => report.breaksTruncated),
  };
}

/**
 * JSON over the services' internal HTTP with the shared token. 404 is an answer (null or NOT_FOUND), 400 is
 * passed on, anything else is the service failing (502) or absent (503), named in the message.
 */
class AuditHttp {
  private readonly logger: Logger;

  constructor(
    readonly service: string,
    private readonly baseUrl: string,
    private readonly internalToken: string,
  ) {
    this.logger = new Logger(`AuditHttp:${service}`);
  }

  async get<T>(
    path: string,
    query: Record<string, string | undefined>,
    timeoutMs = QUERY_TIMEOUT_MS,
  ): Promise<T> {
    const result = await this.send<T>('GET', path, query, undefined, timeoutMs);
    if (result === null) throw new ApiException(HttpStatus.NOT_FOUND, 'NOT_FOUND', 'Not found');
    return result;
  }

  getOrNull<T>(path: string, query: Record<string, string | undefined>): Promise<T | null> {
    return this.send<T>('GET', path, query, undefined, QUERY_TIMEOUT_MS);
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    const result = await this.send<T>('POST', path, {}, body, QUERY_TIMEOUT_MS);
    if (result === null) throw new ApiException(HttpStatus.NOT_FOUND, 'NOT_FOUND', 'Not found');
    return result;
  }

  private async send<T>(
    method: 'GET' | 'POST',
    path: string,
    query: Record<string, string | undefined>,
    body: unknown,
    timeoutMs: number,
  ): Promise<T | null> {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [name, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.set(name, value);
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          'x-internal-token': this.internalToken,
          accept: 'application/json',
          'content-type': 'application/json',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      this.logger.warn(`${method} ${url.pathname} failed: ${String(error)}`);
      throw new ApiException(
        HttpStatus.SERVICE_UNAVAILABLE,
        'SERVICE_UNAVAILABLE',
        `The ${this.service} service did not answer; try again`,
        {
          service: this.service,
        },
      );
    }
    if (response.ok) return (await response.json()) as T;
    const answer = (await response.json().catch(() => null)) as {
      message?: unknown;
      details?: unknown;
    } | null;
    if (response.status === HttpStatus.NOT_FOUND && !isMissingRoute(answer)) return null;
    if (response.status === HttpStatus.NOT_FOUND) {
      throw new ApiException(
        HttpStatus.BAD_GATEWAY,
        'UPSTREAM_ERROR',
        `The ${this.service} service does not serve ${method} ${url.pathname}`,
        {
          service: this.service,
        },
      );
    }
    if (response.status === HttpStatus.SERVICE_UNAVAILABLE) {
      const message =
        typeof answer?.message === 'string'
          ? answer.message
          : `The ${this.service} service is busy`;
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, 'SERVICE_UNAVAILABLE', message, {
        service: this.service,
      });
    }
    if (response.status === HttpStatus.BAD_REQUEST) {
      const message = typeof answer?.message === 'string' ? answer.message : 'Bad query';
      throw new ApiException(HttpStatus.BAD_REQUEST, 'BAD_QUERY', message, answer?.details ?? null);
    }
    this.logger.warn(`${method} ${url.pathname} answered ${response.status}`);
    throw new ApiException(
      HttpStatus.BAD_GATEWAY,
      'UPSTREAM_ERROR',
      `The ${this.service} service failed to answer this audit query`,
      {
        service: this.service,
      },
    );
  }
}

/** Nest's answer for a route it does not have (a service without the audit endpoints), not a missing record. */
function isMissingRoute(answer: { message?: unknown } | null): boolean {
  return typeof answer?.message === 'string' && /^Cannot (GET|POST) /.test(answer.message);
}
