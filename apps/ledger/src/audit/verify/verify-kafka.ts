import type { Kafka, KafkaMessage } from 'kafkajs';
import pg from 'pg';
import type { ProgressListener } from '../progress.js';
import { readTopicsToEnd } from '../sources/kafka-topic-reader.js';
import { positionWindows } from '../sources/position-windows.js';
import type { ServiceName, ServiceStore } from '../sources/service-stores.js';
import { isoFromPostgresUtc } from './chain-partition.js';
import { fastChainHash } from './fast-chain-hash.js';

export type KafkaIssueKind = 'missing-on-kafka' | 'kafka-only' | 'differs' | 'malformed';

/** An event on Kafka that is not byte for byte (by hash) the stored one, or one side missing. */
export interface KafkaIssue {
  service: ServiceName;
  topic: string;
  kind: KafkaIssueKind;
  eventId: string | null;
  streamId: string | null;
  streamVersion: number | null;
  /** Where the message is on Kafka, for the kinds found there. */
  partition: number | null;
  offset: string | null;
  reason: string;
}

export interface KafkaCheckReport {
  service: ServiceName;
  topic: string;
  messages: number;
  /** Distinct events seen on the topic. */
  events: number;
  /** The same event published more than once (a relay that restarted before checkpointing): harmless. */
  duplicates: number;
  /** Stored events after the relay's checkpoint: not published yet, so not expected on Kafka. */
  awaitingRelay: number;
  issues: KafkaIssue[];
  issueCount: number;
}

export interface VerifyKafkaOptions {
  maxIssuesListed?: number;
}

const DEFAULT_MAX_ISSUES_LISTED = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MISSING_PAGE = 50_000;

interface StoredEvent {
  streamId: string;
  streamVersion: number;
  hash: string;
  /** The hash the stored row's content gives, which differs from `hash` where the store was altered. */
  contentHash: string;
}

interface Envelope {
  eventId: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  streamVersion: number;
  koperasiId: string;
  occurredAt: string;
  actor: string;
  correlationId: string;
  causationId: string | null | undefined;
  data: unknown;
  prevHash: string;
  hash: string;
}

/**
 * Reads a store's topic from the start and checks each message against the stored event with its id: the
 * message's content must hash to what the stored row's content hashes to (so every hashed field is the
 * same, byte for byte in canonical form), its hash fields must be the stored ones, and its key the stream
 * id. Then lists stored events that never reached the topic, counting only those the relay has
 * checkpointed as published.
 */
export async function verifyKafkaAgainstStore(
  kafka: Kafka,
  store: ServiceStore,
  options: VerifyKafkaOptions = {},
  onProgress?: ProgressListener,
): Promise<KafkaCheckReport> {
  const maxIssuesListed = options.maxIssuesListed ?? DEFAULT_MAX_ISSUES_LISTED;
  const { service, topic } = store;
  const report: KafkaCheckReport = {
    service,
    topic,
    messages: 0,
    events: 0,
    duplicates: 0,
    awaitingRelay: 0,
    issues: [],
    issueCount: 0,
  };
  const issue = (found: Omit<KafkaIssue, 'service' | 'topic'>) => {
    report.issueCount += 1;
    if (report.issues.length < maxIssuesListed) report.issues.push({ service, topic, ...found });
  };
  const pool = new pg.Pool({ connectionString: store.databaseUrl, max: 2 });
  const seen = new Set<string>();
  try {
    // Read before the high-water marks: everything checkpointed by then was acknowledged by Kafka before.
    const published = await relayCheckpoint(pool, service);
    let total: number | null = null;
    await readTopicsToEnd(
      kafka,
      [topic],
      async ({ partition, messages }) => {
        const envelopes: { message: KafkaMessage; envelope: Envelope }[] = [];
        for (const message of messages) {
          const parsed = parseMessage(message);
          if (typeof parsed === 'string') {
            issue({
              kind: 'malformed',
              eventId: null,
              streamId: message.key?.toString() ?? null,
              streamVersion: null,
              partition,
              offset: message.offset,
              reason: parsed,
            });
          } else envelopes.push({ message, envelope: parsed });
        }
        const stored = await storedEvents(
          pool,
          envelopes.map(({ envelope }) => envelope.eventId),
        );
        for (const { message, envelope } of envelopes) {
          const eventId = envelope.eventId.toLowerCase();
          const where = {
            eventId,
            streamId: envelope.streamId,
            streamVersion: envelope.streamVersion,
            partition,
            offset: message.offset,
          };
          if (seen.has(eventId)) report.duplicates += 1;
          seen.add(eventId);
          const row = stored.get(eventId);
          if (!row) {
            issue({ kind: 'kafka-only', ...where, reason: 'no event with this id in the store' });
            continue;
          }
          const problems = differences(envelope, row, message);
          if (problems.length > 0)
            issue({ kind: 'differs', ...where, reason: problems.join('; ') });
        }
        report.messages += messages.length;
        onProgress?.({
          phase: `verify ${topic} against the ${service} store`,
          done: report.messages,
          total,
          unit: 'messages',
        });
      },
      { purpose: `audit-verify-${service}`, onStart: (messages) => (total = messages) },
    );
    report.events = seen.size;
    await findMissing(pool, published, seen, (row) =>
      issue({
        kind: 'missing-on-kafka',
        eventId: row.eventId,
        streamId: row.streamId,
        streamVersion: row.streamVersion,
        partition: null,
        offset: null,
        reason: 'stored and published by the relay, but not on the topic',
      }),
    );
    report.awaitingRelay = await countAfter(pool, published);
    return report;
  } finally {
    await pool.end();
  }
}

function parseMessage(message: KafkaMessage): Envelope | string {
  let value: Partial<Envelope>;
  try {
    value = JSON.parse(message.value?.toString('utf8') ?? '');
  } catch {
    return 'the message is not JSON';
  }
  if (typeof value !== 'object' || value === null) return 'the message is not an envelope';
  if (typeof value.eventId !== 'string' || !UUID.test(value.eventId))
    return 'eventId is not a uuid';
  if (typeof value.streamId !== 'string' || !Number.isSafeInteger(value.streamVersion))
    return 'streamId or streamVersion is missing';
  if (typeof value.prevHash !== 'string' || typeof value.hash !== 'string')
    return 'prevHash or hash is missing';
  return value as Envelope;
}

function differences(envelope: Envelope, stored: StoredEvent, message: KafkaMessage): string[] {
  const problems: string[] = [];
  if (fastChainHash(envelope.prevHash, envelope) !== stored.contentHash)
    problems.push("its content is not the stored event's content");
  if (envelope.hash !== stored.hash) problems.push('its hash is not the stored hash');
  if (envelope.streamId !== stored.streamId || envelope.streamVersion !== stored.streamVersion) {
    problems.push(
      `it is ${envelope.streamId} v${envelope.streamVersion} on Kafka, ${stored.streamId} v${stored.streamVersion} in the store`,
    );
  }
  if (message.key?.toString() !== envelope.streamId) problems.push('its key is not the stream id');
  return problems;
}

async function storedEvents(pool: pg.Pool, eventIds: string[]): Promise<Map<string, StoredEvent>> {
  if (eventIds.length === 0) return new Map();
  const client = await pool.connect();
  try {
    await client.query('BEGIN READ ONLY');
    await client.query(`SET LOCAL TimeZone = 'UTC'`);
    const { rows } = await client.query<
      [
        string,
        string,
        number,
        string,
        number,
        unknown,
        Record<string, unknown>,
        string,
        string,
        string,
      ]
    >({
      text: `SELECT event_id::text, stream_id, stream_version, type, schema_version, data, metadata, occurred_at::text, prev_hash, hash
             FROM events WHERE event_id = ANY($1::uuid[])`,
      values: [eventIds],
      rowMode: 'array',
    });
    await client.query('COMMIT');
    return new Map(
      rows.map(
        ([
          eventId,
          streamId,
          streamVersion,
          type,
          schemaVersion,
          data,
          metadata,
          occurredAt,
          prevHash,
          hash,
        ]) => [
          eventId,
          {
            streamId,
            streamVersion,
            hash,
            contentHash: fastChainHash(prevHash, {
              eventId,
              type,
              schemaVersion,
              streamId,
              streamVersion,
              koperasiId: metadata?.koperasiId as string,
              occurredAt: isoFromPostgresUtc(occurredAt),
              actor: metadata?.actor as string,
              correlationId: metadata?.correlationId as string,
              causationId: metadata?.causationId as string | null | undefined,
              data,
            }),
          },
        ],
      ),
    );
  } finally {
    client.release();
  }
}

interface Checkpoint {
  transactionId: string;
  globalPosition: string;
}

/** The relay's checkpoint: the relay named after the service if there is one, else the furthest. */
async function relayCheckpoint(pool: pg.Pool, service: ServiceName): Promise<Checkpoint | null> {
  const { rows } = await pool.query<{
    relay: string;
    transaction_id: string;
    global_position: string;
  }>(
    `SELECT relay, transaction_id::text, global_position::text FROM relay_checkpoints c ORDER BY c.transaction_id DESC, c.global_position DESC`,
  );
  const row = rows.find((candidate) => candidate.relay === service) ?? rows[0];
  return row ? { transactionId: row.transaction_id, globalPosition: row.global_position } : null;
}

async function findMissing(
  pool: pg.Pool,
  published: Checkpoint | null,
  seen: Set<string>,
  missing: (row: { eventId: string; streamId: string; streamVersion: number }) => void,
): Promise<void> {
  if (!published) return;
  // To the end, not to the checkpoint's position: an earlier transaction may hold a later position.
  const { rows: last } = await pool.query<{ last: string | null }>(
    'SELECT max(global_position)::text AS last FROM events',
  );
  for (const [after, through] of positionWindows(0n, BigInt(last[0].last ?? '0'), MISSING_PAGE)) {
    const { rows } = await pool.query<[string, string, number]>({
      text: `SELECT event_id::text, stream_id, stream_version FROM events e
             WHERE e.global_position > $1 AND e.global_position <= $4 AND (e.transaction_id, e.global_position) <= ($2::xid8, $3::bigint)`,
      values: [after, published.transactionId, published.globalPosition, through],
      rowMode: 'array',
    });
    for (const [eventId, streamId, streamVersion] of rows)
      if (!seen.has(eventId)) missing({ eventId, streamId, streamVersion });
  }
}

async function countAfter(pool: pg.Pool, published: Checkpoint | null): Promise<number> {
  const { rows } = published
    ? await pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM events WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)`,
        [published.transactionId, published.globalPosition],
      )
    : await pool.query<{ n: string }>(`SELECT count(*) AS n FROM events`);
  return Number(rows[0].n);
}
