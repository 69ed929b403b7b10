import type { EventEnvelope } from '@koperasi/contracts';
import type { ClientBase } from 'pg';
import {
  assertBalanced,
  postBillpayEvent,
  postLoanEvent,
  postMemberEvent,
  type JournalEntry,
  type SourceService,
} from '../domain/index.js';
import { copyPeriodClosings } from '../period-closing/copy-period-closings.js';
import { writeJournal } from './journal-writer.js';
import { openMemberSavings } from './open-member-savings.js';

const POSTING_RULES: Record<SourceService, (event: EventEnvelope) => JournalEntry | null> = {
  members: postMemberEvent,
  billpay: postBillpayEvent,
  loans: postLoanEvent,
};

/**
 * Books a batch of one service's events inside the caller's transaction and returns the entries written.
 * Every entry is built and checked before anything is written, so an event that cannot be posted throws
 * with nothing half-posted; the live consumer then retries the batch event by event and dead-letters only
 * that one. The SQL names no schema, so an auditor's replay can project into its own via search_path.
 */
export async function projectEvents(
  service: SourceService,
  events: readonly EventEnvelope[],
  tx: ClientBase,
): Promise<JournalEntry[]> {
  const post = POSTING_RULES[service];
  const entries: JournalEntry[] = [];
  const registrations: { koperasiId: string; memberId: string }[] = [];
  for (const event of events) {
    if (service === 'members' && event.type === 'MemberRegistered') {
      registrations.push({ koperasiId: event.koperasiId, memberId: registeredMemberId(event) });
    }
    const entry = post(event);
    if (!entry) continue;
    // The posting rules check their own entries; this guards the write path against any entry it is handed.
    assertBalanced(entry);
    entries.push(entry);
  }
  await openMemberSavings(tx, registrations);
  if (service === 'members')
    await copyPeriodClosings(
      tx,
      events.filter((event) => event.type === 'PeriodClosed'),
    );
  return writeJournal(tx, entries);
}

function registeredMemberId(event: EventEnvelope): string {
  const memberId = (event.data as { memberId?: unknown } | null)?.memberId;
  if (typeof memberId !== 'string' || memberId === '')
    throw new Error(`MemberRegistered ${event.eventId} has no memberId`);
  return memberId;
}
