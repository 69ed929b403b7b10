import pg from 'pg';
import type { Kafka } from 'kafkajs';
import { UpcasterRegistry, type EventEnvelope } from '@koperasi/contracts';
import { parseEnvelope } from '@koperasi/messaging';
import { readTopicsToEnd } from '../sources/kafka-topic-reader.js';
import { positionWindows } from '../sources/position-windows.js';
import type { ServiceName, ServiceStore } from '../sources/service-stores.js';
import { isoFromPostgresUtc } from '../verify/chain-partition.js';

/** Receives the history one batch at a time; a batch holds one service's events in their order. */
export type HistoryBatchHandler = (service: ServiceName, events: EventEnvelope[]) => Promise<void>;

export interface HistoryReadOptions {
  /** Only events that occurred at or before this instant. */
  asOf: Date | null;
  upcasters: UpcasterRegistry;
  pageSize: number;
  onTotal: (events: number) => void;
  /** Envelopes Kafka delivered that do not parse: the live consumer dead-letters them. */
  onMalformed: (service: ServiceName, where: string, error: Error) => void;
}

type StoreRow = [
  string,
  string,
  number,
  string,
  string,
  number,
  unknown,
  string,
  string,
  string,
  string,
  string | null,
  string,
];

/**
 * A slice of one store's history: the events at positions (afterPosition, throughPosition] whose
 * transactions had finished when the replay began (transaction id below `cutoff`, the oldest transaction
 * then still open). Slices of the same cut-off together hold exactly the committed history of that moment,
 * however the services keep appending meanwhile.
 */
export interface StoreRange {
  store: ServiceStore;
  cutoff: string;
  afterPosition: string;
  throughPosition: string;
  /** Events in the slice (up to asOf). */
  events: number;
}

/**
 * Cuts every store's history into slices of about `eventsPerRange` events, so a replay can project a large
 * store on several workers at once. Positions are dense (a bigserial), so equal widths hold about equal counts.
 */
export async function planStoreRanges(
  stores: readonly ServiceStore[],
  asOf: Date | null,
  eventsPerRange: number,
): Promise<StoreRange[]> {
  const ranges = await Promise.all(
    stores.map(async (store) => {
      const client = new pg.Client({ connectionString: store.databaseUrl });
      await client.connect();
      try {
        const { rows } = await client.query<{ cutoff: string }>(
          'SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS cutoff',
        );
        const { cutoff } = rows[0];
        const { rows: bounds } = await client.query<{ first: string | null; last: string | null }>(
          'SELECT min(global_position)::text AS first, max(global_position)::text AS last FROM events WHERE transaction_id < $1::xid8',
          [cutoff],
        );
        if (bounds[0].first === null || bounds[0].last === null) return [];
        const first = BigInt(bounds[0].first) - 1n;
        const last = BigInt(bounds[0].last);
        const slices = Math.max(1, Math.ceil(Number(last - first) / eventsPerRange));
        const width = (last - first + BigInt(slices) - 1n) / BigInt(slices);
        const planned: StoreRange[] = [];
        for (let after = first; after < last; after += width) {
          const through = after + width < last ? after + width : last;
          const { rows: counted } = await client.query<{ n: string }>(
            `SELECT count(*) AS n FROM events
             WHERE global_position > $1 AND global_position <= $2 AND transaction_id < $3::xid8 AND ($4::timestamptz IS NULL OR occurred_at <= $4)`,
            [after.toString(), through.toString(), cutoff, asOf],
          );
          planned.push({
            store,
            cutoff,
            afterPosition: after.toString(),
            throughPosition: through.toString(),
            events: Number(counted[0].n),
          });
        }
        return planned;
      } finally {
        await client.end();
      }
    }),
  );
  return ranges.flat();
}

/**
 * Reads one slice in position order, window by window, the next fetched while the handler works on this one.
 * Position order, not commit order: a journal entry depends on its own event only and the running sums
 * add up the same in any order, so slices read side by side give the books one reader would.
 */
export async function readStoreRange(
  range: StoreRange,
  options: Pick<HistoryReadOptions, 'asOf' | 'upcasters' | 'pageSize'>,
  onBatch: HistoryBatchHandler,
): Promise<void> {
  const client = new pg.Client({ connectionString: range.store.databaseUrl });
  await client.connect();
  try {
    await client.query(`SET TimeZone = 'UTC'`);
    const page = ([after, through]: [string, string]) =>
      client.query<StoreRow>({
        // The metadata's fields taken out by PostgreSQL: cheaper than parsing its JSON in Node. The hashes are
        // left out: no posting rule reads them, and they are an eighth of each row. The cut-off is applied in
        // Node: given `transaction_id < $x` the planner took the commit-order index and sorted.
        text: `SELECT global_position::text, stream_id, stream_version, event_id::text, type, schema_version,
                      data, occurred_at::text, metadata->>'koperasiId', metadata->>'actor', metadata->>'correlationId',
                      metadata->>'causationId', transaction_id::text
               FROM events e
               WHERE e.global_position > $1 AND e.global_position <= $2 AND ($3::timestamptz IS NULL OR e.occurred_at <= $3)
               ORDER BY e.global_position`,
        values: [after, through, options.asOf],
        rowMode: 'array',
      });
    const windows = positionWindows(
      BigInt(range.afterPosition),
      BigInt(range.throughPosition),
      options.pageSize,
    );
    let window = windows.next();
    let pending = window.done ? null : page(window.value);
    while (pending) {
      const { rows } = await pending;
      window = windows.next();
      pending = window.done ? null : page(window.value);
      const events: EventEnvelope[] = [];
      for (const row of rows)
        if (finishedBefore(row[12], range.cutoff))
          events.push(options.upcasters.upcast(envelopeOf(row)));
      if (events.length > 0) await onBatch(range.store.service, events);
    }
  } finally {
    await client.end();
  }
}

/** Transaction ids as PostgreSQL prints them (decimal, no leading zeros) compared without parsing. */
function finishedBefore(transactionId: string, cutoff: string): boolean {
  return transactionId.length !== cutoff.length
    ? transactionId.length < cutoff.length
    : transactionId < cutoff;
}

/** Every store's committed history, one store after another. */
export async function readStoreHistory(
  stores: readonly ServiceStore[],
  options: HistoryReadOptions,
  onBatch: HistoryBatchHandler,
): Promise<void> {
  const ranges = await planStoreRanges(stores, options.asOf, Number.MAX_SAFE_INTEGER);
  options.onTotal(ranges.reduce((sum, range) => sum + range.events, 0));
  for (const range of ranges) await readStoreRange(range, options, onBatch);
}

/**
 * The envelope as the relay publishes it (toStoredEvent without the positions), so replay and live post the
 * same input; without the hashes, which verify checks and the posting rules never read.
 */
function envelopeOf(row: StoreRow): EventEnvelope {
  const [
    ,
    streamId,
    streamVersion,
    eventId,
    type,
    schemaVersion,
    data,
    occurredAt,
    koperasiId,
    actor,
    correlationId,
    causationId,
  ] = row;
  return {
    eventId,
    type,
    schemaVersion,
    streamId,
    streamVersion,
    koperasiId,
    occurredAt: isoFromPostgresUtc(occurredAt),
    actor,
    correlationId,
    causationId,
    data,
    prevHash: '',
    hash: '',
  };
}

/**
 * Reads the services' event topics from their start to the high-water marks taken when the read began,
 * parsing each message as the live consumer does (parseEnvelope, with upcasting).
 */
export async function readKafkaHistory(
  kafka: Kafka,
  stores: readonly ServiceStore[],
  options: HistoryReadOptions,
  onBatch: HistoryBatchHandler,
): Promise<void> {
  const serviceOfTopic = new Map(stores.map((store) => [store.topic, store.service]));
  const asOfMs = options.asOf?.getTime() ?? null;
  await readTopicsToEnd(
    kafka,
    stores.map((store) => store.topic),
    async ({ topic, partition, messages }) => {
      const service = serviceOfTopic.get(topic)!;
      const events: EventEnvelope[] = [];
      for (const message of messages) {
        const parsed = parseEnvelope(message, options.upcasters);
        if (!parsed.ok)
          options.onMalformed(service, `${topic}[${partition}]@${message.offset}`, parsed.error);
        else if (asOfMs === null || Date.parse(parsed.event.occurredAt) <= asOfMs)
          events.push(parsed.event);
      }
      if (events.length > 0) await onBatch(service, events);
    },
    { purpose: 'audit-replay', onStart: options.onTotal },
  );
}
