import {
  EVENT_COLUMNS,
  toStoredEvent,
  type EventRow,
  type StoredEvent,
} from '@koperasi/eventstore';

/**
 * An event exactly as stored (never upcast: the hash covers the stored form), with its place in the store's
 * commit order, which is also the cursor of a page that ends with it.
 */
export type AuditEvent = StoredEvent;

export const AUDIT_EVENT_COLUMNS = EVENT_COLUMNS;

export function auditEventOf(row: EventRow): AuditEvent {
  return toStoredEvent(row);
}

/** `<transactionId>.<globalPosition>`: where the next page starts, opaque to callers. */
export function cursorOf(event: Pick<AuditEvent, 'transactionId' | 'globalPosition'>): string {
  return `${event.transactionId}.${event.globalPosition}`;
}
