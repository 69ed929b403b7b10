import pg from 'pg';
import type { Kafka } from 'kafkajs';
import { UpcasterRegistry, type EventEnvelope } from '@koperasi/contracts';
import { parseEnvelope } from '@koperasi/messaging';
import { readTopicsToEnd } from '../sources/kafka-topic-reader.js';
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

type StoreRow = [string, string, string, number, string, string, number, unknown, string, string, string, string, string, string, string | null];

/**
 * Reads every store in commit order (transaction id, then position: the relay's order, see
 * COMMITTED_AFTER_CHECKPOINT), up to the transactions that had finished when the read began, so the
 * replay is of a fixed history even while the services keep appending. The next page is fetched while
 * the handler works on the current one.
 */
export async function readStoreHistory(stores: readonly ServiceStore[], options: HistoryReadOptions, onBatch: HistoryBatchHandler): Promise<void> {
  const clients = await Promise.all(
    stores.map(async (store) => {
      const client = new pg.Client({ connectionString: store.databaseUrl });
      await client.connect();
      await client.query(`SET TimeZone = 'UTC'`);
      return client;
    }),
  );
  try {
    // Below the oldest transaction still open, every transaction has finished: the history as of now.
    const cutoffs = await Promise.all(
      clients.map(async (client) => (await client.query<{ xmin: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin')).rows[0].xmin),
    );
    const counts = await Promise.all(
      clients.map(async (client, index) => {
        const { rows } = await client.query<{ n: string }>(
          `SELECT count(*) AS n FROM events WHERE transaction_id < $1::xid8 AND ($2::timestamptz IS NULL OR occurred_at <= $2)`,
          [cutoffs[index], options.asOf],
        );
        return Number(rows[0].n);
      }),
    );
    options.onTotal(counts.reduce((sum, count) => sum + count, 0));
    for (const [index, store] of stores.entries()) {
      const client = clients[index];
      const page = (after: [string, string]) =>
        client.query<StoreRow>({
          // The metadata's fields taken out by PostgreSQL: cheaper than parsing its JSON in Node.
          text: `SELECT transaction_id::text, global_position::text, stream_id, stream_version, event_id::text, type, schema_version,
                        data, occurred_at::text, metadata->>'koperasiId', metadata->>'actor', metadata->>'correlationId',
                        prev_hash, hash, metadata->>'causationId'
                 FROM events e
                 WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint) AND transaction_id < $3::xid8
                   AND ($4::timestamptz IS NULL OR occurred_at <= $4)
                 ORDER BY e.transaction_id, e.global_position LIMIT $5`,
          values: [after[0], after[1], cutoffs[index], options.asOf, options.pageSize],
          rowMode: 'array',
        });
      let pending = page(['0', '0']);
      for (;;) {
        const { rows } = await pending;
        const last = rows.at(-1);
        if (last && rows.length === options.pageSize) pending = page([last[0], last[1]]);
        if (rows.length > 0) await onBatch(store.service, rows.map((row) => options.upcasters.upcast(envelopeOf(row))));
        if (rows.length < options.pageSize) break;
      }
    }
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}

/** The envelope as the relay publishes it (toStoredEvent without the positions), so replay and live post the same input. */
function envelopeOf(row: StoreRow): EventEnvelope {
  const [, , streamId, streamVersion, eventId, type, schemaVersion, data, occurredAt, koperasiId, actor, correlationId, prevHash, hash, causationId] = row;
  return { eventId, type, schemaVersion, streamId, streamVersion, koperasiId, occurredAt: isoFromPostgresUtc(occurredAt), actor, correlationId, causationId, data, prevHash, hash };
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
        if (!parsed.ok) options.onMalformed(service, `${topic}[${partition}]@${message.offset}`, parsed.error);
        else if (asOfMs === null || Date.parse(parsed.event.occurredAt) <= asOfMs) events.push(parsed.event);
      }
      if (events.length > 0) await onBatch(service, events);
    },
    { purpose: 'audit-replay', onStart: options.onTotal },
  );
}
