import type { EventEnvelope } from '@koperasi/contracts';
import type { ProjectionHandler } from '@koperasi/messaging';
import { assertBalanced, postMemberEvent, type JournalEntry } from '../domain/index.js';
import { writeJournal } from './journal-writer.js';
import { recordPosted } from './ledger-metrics.js';
import { openMemberSavings } from './open-member-savings.js';

/**
 * Books a batch of members events. Every entry is built and checked before anything is written, so an event
 * that cannot be posted throws with nothing half-posted; the consumer then retries the batch event by event
 * and dead-letters only that one.
 */
export const projectMemberEvents: ProjectionHandler = async (events, tx) => {
  const entries: JournalEntry[] = [];
  const registrations: { koperasiId: string; memberId: string }[] = [];
  for (const event of events) {
    if (event.type === 'MemberRegistered') registrations.push({ koperasiId: event.koperasiId, memberId: registeredMemberId(event) });
    const entry = postMemberEvent(event);
    if (!entry) continue;
    if (Number.isNaN(Date.parse(entry.occurredAt))) throw new Error(`Cannot post ${event.eventId}: occurredAt is not a time`);
    // postMemberEvent checks its own rules; this guards the write path against any entry it is handed.
    assertBalanced(entry);
    entries.push(entry);
  }
  await openMemberSavings(tx, registrations);
  recordPosted(await writeJournal(tx, entries));
};

function registeredMemberId(event: EventEnvelope): string {
  const memberId = (event.data as { memberId?: unknown } | null)?.memberId;
  if (typeof memberId !== 'string' || memberId === '') throw new Error(`MemberRegistered ${event.eventId} has no memberId`);
  return memberId;
}
