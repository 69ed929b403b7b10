import { Injectable } from '@nestjs/common';
import {
  AuditQueries,
  EVENT_STORE_SERVICES,
  type EventStoreService,
} from '../queries/audit-queries.js';
import {
  mergeStorePages,
  type MergedPage,
  type ServiceEvent,
  type StoreCursors,
  type StorePage,
} from './merged-events.js';
import type { TimeRange } from './audit-time-range.js';

export interface EventFilter {
  koperasiIds: string[];
  /** null: every store. */
  service: EventStoreService | null;
  types: string[] | null;
  range: TimeRange;
  /** null: any correlation. */
  correlationId: string | null;
}

/** The stream-id prefixes each service writes (see the event contracts); other ids are looked up everywhere. */
const STREAM_PREFIXES: Record<EventStoreService, string[]> = {
  members: ['member-', 'koperasi-', 'cash-drawer-', 'bank-'],
  billpay: ['payment-', 'deposit-'],
  loans: ['collection-', 'remittance-'],
};

/** Reads events across the stores, merged into one timeline. */
@Injectable()
export class AuditEventReader {
  constructor(private readonly queries: AuditQueries) {}

  async page(filter: EventFilter, cursors: StoreCursors, limit: number): Promise<MergedPage> {
    if (filter.koperasiIds.length === 0) return { events: [], cursors, more: false };
    const services = filter.service === null ? [...EVENT_STORE_SERVICES] : [filter.service];
    const answers = await Promise.allSettled(
      services.map(async (service) => ({
        service,
        page: await this.queries.events(service, {
          koperasiIds: filter.koperasiIds,
          types: filter.types,
          from: filter.range.from,
          to: filter.range.to,
          correlationId: filter.correlationId,
          after: cursors[service] ?? null,
          limit,
        }),
      })),
    );
    // A timeline with a store missing is not the history; the first store (in service order) that failed says why.
    const failed = answers.find((answer) => answer.status === 'rejected');
    if (failed) throw failed.reason;
    return mergeStorePages(
      answers.map((answer) => (answer as PromiseFulfilledResult<StorePage>).value),
      cursors,
      limit,
    );
  }

  /** The event with this id in whichever store holds it within the scope; null when none does. */
  async event(
    eventId: string,
    koperasiIds: string[],
    service: EventStoreService | null,
  ): Promise<ServiceEvent | null> {
    if (koperasiIds.length === 0) return null;
    const services = service === null ? [...EVENT_STORE_SERVICES] : [service];
    const found = await Promise.all(
      services.map(async (candidate) => {
        const event = await this.queries.event(candidate, eventId, koperasiIds);
        return event === null ? null : { service: candidate, ...event };
      }),
    );
    return found.find((event) => event !== null) ?? null;
  }

  /** The stores that may hold a stream: the one named, else the one its prefix says, else all. */
  storesOf(streamId: string, service: EventStoreService | null): EventStoreService[] {
    if (service !== null) return [service];
    const owner = EVENT_STORE_SERVICES.find((candidate) =>
      STREAM_PREFIXES[candidate].some((prefix) => streamId.startsWith(prefix)),
    );
    return owner === undefined ? [...EVENT_STORE_SERVICES] : [owner];
  }
}
