import type { KafkaMessage } from 'kafkajs';
import type { EventEnvelope, UpcasterRegistry } from '@koperasi/contracts';

export type ParsedEnvelope = { ok: true; event: EventEnvelope } | { ok: false; error: Error };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks the envelope at the boundary and upcasts it, so a projection only sees well-formed current events. */
export function parseEnvelope(message: KafkaMessage, upcasters: UpcasterRegistry): ParsedEnvelope {
  let value: Partial<EventEnvelope>;
  try {
    value = JSON.parse(message.value?.toString('utf8') ?? '');
  } catch (error) {
    return { ok: false, error: new Error(`not JSON: ${(error as Error).message}`) };
  }
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null)
    return { ok: false, error: new Error('not an object') };
  if (typeof value.eventId !== 'string' || !UUID.test(value.eventId))
    problems.push('eventId is not a uuid');
  if (typeof value.type !== 'string' || value.type === '') problems.push('type is missing');
  if (typeof value.streamId !== 'string' || value.streamId === '')
    problems.push('streamId is missing');
  if (!Number.isSafeInteger(value.streamVersion) || (value.streamVersion ?? 0) < 1)
    problems.push('streamVersion');
  if (!Number.isSafeInteger(value.schemaVersion) || (value.schemaVersion ?? 0) < 1)
    problems.push('schemaVersion');
  if (typeof value.koperasiId !== 'string') problems.push('koperasiId is missing');
  if (!('data' in value)) problems.push('data is missing');
  if (problems.length > 0)
    return { ok: false, error: new Error(`malformed envelope: ${problems.join(', ')}`) };
  try {
    return { ok: true, event: upcasters.upcast(value as EventEnvelope) };
  } catch (error) {
    return { ok: false, error: error as Error };
  }
}
