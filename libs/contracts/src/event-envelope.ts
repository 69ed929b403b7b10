/**
 * The one shape every event has, in the store, on Kafka and in an auditor's replay.
 * Money inside `data` is always integer rupiah (`amountRp`), never a float.
 */
export interface EventEnvelope<TData = unknown> {
  eventId: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  streamVersion: number;
  koperasiId: string;
  occurredAt: string;
  actor: string;
  correlationId: string;
  causationId: string | null;
  data: TData;
  prevHash: string;
  hash: string;
}

/** What a decider produces: the store adds the stream position, the time and the hash chain. */
export interface NewEvent<TData = unknown> {
  type: string;
  schemaVersion: number;
  data: TData;
  eventId?: string;
}

/** Who caused an append, carried into every event's metadata. */
export interface EventContext {
  koperasiId: string;
  actor: string;
  correlationId: string;
  causationId?: string | null;
}

/** The fields the hash covers: everything but the hashes themselves. */
export type HashedEventFields = Omit<EventEnvelope, 'prevHash' | 'hash'>;

export const GENESIS_HASH = '0'.repeat(64);
