import type { EventEnvelope } from '@koperasi/contracts';
import { isPositiveRupiah } from '@koperasi/domain';

/**
 * Readers for the data of an event from another service. Events cross Kafka, so nothing in them is trusted:
 * a field that is missing or of the wrong kind throws, and the consumer dead-letters the event instead of
 * booking a guess.
 */
export function dataOf(event: EventEnvelope): Record<string, unknown> {
  // Upcasting happens before posting; a version this code was not written for must not be guessed at.
  if (event.schemaVersion !== 1)
    malformed(event, `schema version ${event.schemaVersion} is not known here`);
  if (typeof event.data !== 'object' || event.data === null)
    malformed(event, 'data is not an object');
  return event.data as Record<string, unknown>;
}

export function readText(
  event: EventEnvelope,
  data: Record<string, unknown>,
  field: string,
): string {
  const value = data[field];
  if (typeof value !== 'string' || value === '') malformed(event, `${field} is missing`);
  return value;
}

export function readPositiveRupiah(
  event: EventEnvelope,
  data: Record<string, unknown>,
  field: string,
): number {
  const value = data[field];
  if (!isPositiveRupiah(value))
    malformed(event, `${field} ${String(value)} is not a positive whole rupiah amount`);
  return value;
}

export function readRupiahOrZero(
  event: EventEnvelope,
  data: Record<string, unknown>,
  field: string,
): number {
  const value = data[field];
  if (value !== 0 && !isPositiveRupiah(value))
    malformed(event, `${field} ${String(value)} is not whole rupiah, zero or more`);
  return value;
}

/** Whole rupiah of either sign, for a difference such as a margin that can turn into a loss. */
export function readSignedRupiah(
  event: EventEnvelope,
  data: Record<string, unknown>,
  field: string,
): number {
  const value = data[field];
  if (typeof value !== 'number' || !Number.isSafeInteger(value))
    malformed(event, `${field} ${String(value)} is not whole rupiah`);
  return value;
}

export function readOneOf<T extends string>(
  event: EventEnvelope,
  data: Record<string, unknown>,
  field: string,
  allowed: readonly T[],
): T {
  const value = data[field];
  if (!allowed.includes(value as T))
    malformed(event, `${field} ${String(value)} is not one of ${allowed.join(', ')}`);
  return value as T;
}

export function malformed(event: EventEnvelope, problem: string): never {
  throw new Error(`Cannot post ${event.type} ${event.eventId}: ${problem}`);
}
