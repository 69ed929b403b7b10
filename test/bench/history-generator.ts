import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Partitioners, type Kafka } from 'kafkajs';
import { GENESIS_HASH, type EventEnvelope } from '@koperasi/contracts';
import { OutboxRelay, chainHash } from '@koperasi/eventstore';
import { createPgPool } from '@koperasi/service-kit';
import { copyIn, copyRow } from '../../apps/ledger/src/audit/replay/copy-in.js';
import { HistoryModel, type HistoryEvent, type HistoryService } from './history-generator-model.js';

export type { HistoryEvent, HistoryService } from './history-generator-model.js';

export const HISTORY_SERVICES: readonly HistoryService[] = ['members', 'billpay', 'loans'];

export interface GenerateHistoryOptions {
  /** Database URL of each service's (fresh, migrated) event store. */
  stores: Record<HistoryService, string>;
  events: number;
  koperasiCount?: number;
  /** First counter day, YYYY-MM-DD in WIB. */
  firstDay?: string;
  days?: number;
  seed?: number;
  /** Rows per insert statement. */
  batchSize?: number;
  onProgress?: (eventsWritten: number) => void;
}

export interface GeneratedHistory {
  events: number;
  byService: Record<HistoryService, number>;
  streams: number;
  seconds: number;
}

const DEFAULT_BATCH_SIZE = 5_000;
/**
 * Inserts in flight per store while the next batch is generated. One: two concurrent inserts could take
 * transaction ids in the other order and put a stream's later version first in commit order.
 */
const MAX_WRITES_IN_FLIGHT = 1;
const STREAM_HEADS_PER_STATEMENT = 20_000;

interface StreamHead {
  version: number;
  hash: string;
}

/**
 * Writes a generated history straight into the services' event stores: the rows, hashes and stream heads
 * PostgresEventStore.append would write for the same events (chainHash, same metadata shape), but
 * thousands per statement, so a million events take a minute rather than an hour of group commits.
 */
export async function generateHistory(options: GenerateHistoryOptions): Promise<GeneratedHistory> {
  const startedMs = performance.now();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const model = new HistoryModel({
    koperasiCount: options.koperasiCount ?? 100,
    events: options.events,
    firstDay: options.firstDay ?? '2025-10-01',
    days: options.days ?? 31,
    seed: options.seed ?? 20251001,
  });
  const writer = new HistoryWriter(options.stores, batchSize);
  try {
    for (const event of model.events()) {
      await writer.append(event);
      if (writer.written % 50_000 === 0) options.onProgress?.(writer.written);
    }
    await writer.finish();
    options.onProgress?.(writer.written);
  } finally {
    await writer.close();
  }
  return {
    events: writer.written,
    byService: writer.byService,
    streams: writer.streams,
    seconds: (performance.now() - startedMs) / 1000,
  };
}

/**
 * Writes events of one's own making (a hand-computed example, say) exactly as generateHistory writes its
 * own; only the stores the events belong to need to be given.
 */
export async function writeHistory(
  stores: Partial<Record<HistoryService, string>>,
  events: Iterable<HistoryEvent>,
): Promise<void> {
  const writer = new HistoryWriter(stores, DEFAULT_BATCH_SIZE);
  try {
    for (const event of events) await writer.append(event);
    await writer.finish();
  } finally {
    await writer.close();
  }
}

/** Assigns stream versions and the hash chain, and batches the rows into each service's store. */
class HistoryWriter {
  written = 0;
  readonly byService: Record<HistoryService, number> = { members: 0, billpay: 0, loans: 0 };
  private readonly heads = new Map<string, StreamHead & { service: HistoryService }>();
  private readonly writers: Partial<Record<HistoryService, StoreWriter>> = {};

  constructor(
    private readonly stores: Partial<Record<HistoryService, string>>,
    private readonly batchSize: number,
  ) {}

  get streams(): number {
    return this.heads.size;
  }

  async append(event: HistoryEvent): Promise<void> {
    const head = this.heads.get(event.streamId) ?? {
      version: 0,
      hash: GENESIS_HASH,
      service: event.service,
    };
    const envelope = envelopeOf(event, head);
    this.heads.set(event.streamId, {
      version: envelope.streamVersion,
      hash: envelope.hash,
      service: event.service,
    });
    const writer = this.writerFor(event.service);
    writer.rows.push(envelope);
    this.byService[event.service] += 1;
    this.written += 1;
    if (writer.rows.length >= this.batchSize) await writer.flush();
  }

  async finish(): Promise<void> {
    const writers = Object.entries(this.writers) as [HistoryService, StoreWriter][];
    for (const [, writer] of writers) await writer.flush();
    for (const [, writer] of writers) await writer.drain();
    await Promise.all(
      writers.map(([service, writer]) =>
        writer.writeStreamHeads(this.heads, (head) => head.service === service),
      ),
    );
  }

  private writerFor(service: HistoryService): StoreWriter {
    const existing = this.writers[service];
    if (existing) return existing;
    const url = this.stores[service];
    if (!url) throw new Error(`an event of ${service} came, but no ${service} store was given`);
    return (this.writers[service] = new StoreWriter(url));
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.writers).map((writer) => writer!.close()));
  }
}

/**
 * Publishes every store's events to its topic through the real OutboxRelay, so the messages and relay
 * checkpoints are what a running service would have produced. Resolves when each relay has caught up.
 */
export async function publishHistory(
  kafka: Kafka,
  stores: Record<HistoryService, string>,
  topics: Record<HistoryService, string>,
  timeoutMs = 600_000,
): Promise<void> {
  await Promise.all(
    HISTORY_SERVICES.map(async (service) => {
      const pool = createPgPool({ databaseUrl: stores[service], maxConnections: 3 });
      const producer = kafka.producer({
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      try {
        const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM events');
        const total = Number(rows[0].n);
        const relay = new OutboxRelay({
          pool,
          producer,
          topic: topics[service],
          relayName: service,
          batchSize: 5_000,
        });
        await relay.start();
        const deadline = Date.now() + timeoutMs;
        while (relay.published < total) {
          if (Date.now() > deadline)
            throw new Error(`relay of ${service} published ${relay.published} of ${total} in time`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await relay.stop();
      } finally {
        await producer.disconnect();
        await pool.end();
      }
    }),
  );
}

function envelopeOf(event: HistoryEvent, head: StreamHead): EventEnvelope {
  const fields = {
    eventId: randomUUID(),
    type: event.type,
    schemaVersion: 1,
    streamId: event.streamId,
    streamVersion: head.version + 1,
    koperasiId: event.koperasiId,
    occurredAt: event.occurredAt,
    actor: event.actor,
    correlationId: event.correlationId,
    causationId: event.causationId,
    data: event.data,
  };
  return { ...fields, prevHash: head.hash, hash: chainHash(head.hash, fields) };
}

/** One store's inserts, a few in flight while the generator goes on. */
class StoreWriter {
  rows: EventEnvelope[] = [];
  private readonly pool: pg.Pool;
  private readonly inFlight = new Set<Promise<void>>();
  private failure: unknown = null;

  constructor(url: string) {
    this.pool = createPgPool({ databaseUrl: url, maxConnections: MAX_WRITES_IN_FLIGHT + 1 });
  }

  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.rows.length === 0) return;
    while (this.inFlight.size >= MAX_WRITES_IN_FLIGHT) await Promise.race(this.inFlight);
    const rows = this.rows;
    this.rows = [];
    const write = insertEvents(this.pool, rows).catch((error: unknown) => {
      this.failure = error;
    });
    this.inFlight.add(write);
    void write.finally(() => this.inFlight.delete(write));
  }

  async drain(): Promise<void> {
    await Promise.all(this.inFlight);
    if (this.failure) throw this.failure;
  }

  async writeStreamHeads<H extends StreamHead>(
    heads: Map<string, H>,
    belongs: (head: H) => boolean,
  ): Promise<void> {
    let batch: [string, H][] = [];
    const write = async () => {
      await this.pool.query(
        `INSERT INTO streams (stream_id, version, last_hash) SELECT * FROM unnest($1::text[], $2::int[], $3::text[])`,
        [
          batch.map(([id]) => id),
          batch.map(([, head]) => head.version),
          batch.map(([, head]) => head.hash),
        ],
      );
      batch = [];
    };
    for (const entry of heads) {
      if (!belongs(entry[1])) continue;
      batch.push(entry);
      if (batch.length >= STREAM_HEADS_PER_STATEMENT) await write();
    }
    if (batch.length > 0) await write();
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.inFlight);
    await this.pool.end();
  }
}

/** The same columns and metadata shape as PostgresEventStore's insert, by COPY: a million rows in a minute, not five. */
async function insertEvents(pool: pg.Pool, events: EventEnvelope[]): Promise<void> {
  let rows = '';
  for (const e of events) {
    const metadata = JSON.stringify({
      koperasiId: e.koperasiId,
      actor: e.actor,
      correlationId: e.correlationId,
      causationId: e.causationId,
    });
    rows += copyRow([
      e.streamId,
      e.streamVersion,
      e.eventId,
      e.type,
      e.schemaVersion,
      JSON.stringify(e.data),
      metadata,
      e.occurredAt,
      e.prevHash,
      e.hash,
    ]);
  }
  const client = await pool.connect();
  try {
    await copyIn(
      client,
      'COPY events (stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at, prev_hash, hash) FROM STDIN',
      rows,
    );
  } finally {
    client.release();
  }
}
