import { HttpStatus } from '@nestjs/common';
import type { AuditEvent, AuditEventPage } from '@koperasi/service-kit';
import { ApiException } from '../http/api-exception.js';
import { EVENT_STORE_SERVICES, type EventStoreService } from '../queries/audit-queries.js';

export type ServiceEvent = AuditEvent & { service: EventStoreService };

/** Where each store's reading got to; null: from its start. */
export type StoreCursors = Partial<Record<EventStoreService, string | null>>;

export interface StorePage {
  service: EventStoreService;
  page: AuditEventPage;
}

export interface MergedPage {
  events: ServiceEvent[];
  cursors: StoreCursors;
  /** Whether a next page may hold more. */
  more: boolean;
}

const STORE_CURSOR = /^\d{1,20}\.\d{1,20}$/;

/**
 * Merges one page of each store into one page ordered by occurredAt (ties: the service order), taking at most
 * `limit`. Each store's own order (its commit order) is kept, and each store's cursor moves only past what
 * was taken, so the next page continues every store exactly where this one stopped. A store that has more
 * than it returned sent `limit` events; taking at most `limit` in all never runs past its page.
 */
export function mergeStorePages(
  pages: StorePage[],
  previous: StoreCursors,
  limit: number,
): MergedPage {
  const heads = pages.map(() => 0);
  const cursors: StoreCursors = { ...previous };
  const events: ServiceEvent[] = [];
  while (events.length < limit) {
    let pick = -1;
    for (const [index, { page }] of pages.entries()) {
      const candidate = page.events[heads[index]];
      if (!candidate) continue;
      if (pick === -1 || candidate.occurredAt < pages[pick].page.events[heads[pick]].occurredAt)
        pick = index;
    }
    if (pick === -1) break;
    const { service, page } = pages[pick];
    const event = page.events[heads[pick]];
    heads[pick] += 1;
    events.push({ service, ...event });
    cursors[service] = `${event.transactionId}.${event.globalPosition}`;
  }
  const more = pages.some(
    ({ page }, index) => heads[index] < page.events.length || page.nextCursor !== null,
  );
  return { events, cursors, more };
}

/** The public cursor: every store's position, base64url JSON, opaque to clients. */
export function encodeCursor(cursors: StoreCursors): string {
  return Buffer.from(JSON.stringify(cursors)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): StoreCursors {
  if (cursor === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw badCursor();
  const cursors: StoreCursors = {};
  for (const [service, position] of Object.entries(parsed)) {
    if (!EVENT_STORE_SERVICES.includes(service as EventStoreService)) throw badCursor();
    if (position !== null && (typeof position !== 'string' || !STORE_CURSOR.test(position)))
      throw badCursor();
    cursors[service as EventStoreService] = position;
  }
  return cursors;
}

function badCursor(): ApiException {
  return new ApiException(
    HttpStatus.BAD_REQUEST,
    'VALIDATION_FAILED',
    'Invalid request: cursor is not one this API gave out',
    [{ field: 'cursor', problems: ['pass nextCursor from the previous page unchanged'] }],
  );
}
