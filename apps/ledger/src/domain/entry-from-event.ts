import type { EventEnvelope } from '@koperasi/contracts';
import { assertBalanced, type JournalEntry, type SourceService } from './journal-entry.js';
import { malformed } from './read-event-data.js';

export type Posting = Pick<JournalEntry, 'description' | 'lines'>;

/** The entry for a posting, citing the event it came from, checked to balance before anyone writes it. */
export function entryFromEvent(
  event: EventEnvelope,
  service: SourceService,
  posting: Posting,
): JournalEntry {
  if (typeof event.koperasiId !== 'string' || event.koperasiId === '')
    malformed(event, 'koperasiId is missing');
  if (typeof event.occurredAt !== 'string' || Number.isNaN(Date.parse(event.occurredAt)))
    malformed(event, 'occurredAt is not a time');
  if (typeof event.actor !== 'string' || typeof event.correlationId !== 'string')
    malformed(event, 'actor or correlationId is missing');
  if (event.causationId != null && typeof event.causationId !== 'string')
    malformed(event, 'causationId is not text');
  const entry: JournalEntry = {
    sourceEventId: event.eventId,
    koperasiId: event.koperasiId,
    occurredAt: event.occurredAt,
    ...posting,
    trace: {
      service,
      eventType: event.type,
      streamId: event.streamId,
      streamVersion: event.streamVersion,
      actor: event.actor,
      correlationId: event.correlationId,
      causationId: event.causationId ?? null,
    },
  };
  assertBalanced(entry);
  return entry;
}
