import { createHash } from 'node:crypto';
import { canonicalJson, type HashedEventFields } from '@koperasi/contracts';

/** hash = sha256(prev_hash || canonical(event)): changing any stored field or reordering breaks the chain. */
export function chainHash(prevHash: string, event: HashedEventFields): string {
  const canonical = canonicalJson({
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    koperasiId: event.koperasiId,
    occurredAt: event.occurredAt,
    actor: event.actor,
    correlationId: event.correlationId,
    causationId: event.causationId,
    data: event.data,
  });
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}
