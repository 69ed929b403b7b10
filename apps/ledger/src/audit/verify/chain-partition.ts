import pg from 'pg';
import { GENESIS_HASH } from '@koperasi/contracts';
import { lastPosition, positionWindows } from '../sources/position-windows.js';
import type { ServiceName } from '../sources/service-stores.js';
import { fastChainHash } from './fast-chain-hash.js';

/** One event whose link in its stream's chain does not hold. */
export interface ChainBreak {
  service: ServiceName;
  streamId: string;
  streamVersion: number;
  /** null where the break is in the stream's head record rather than in an event. */
  eventId: string | null;
  reason: string;
}

/** The streams whose id hashes to `partition` (of `partitions`) in one store. */
export interface ChainPartitionTask {
  service: ServiceName;
  databaseUrl: string;
  partition: number;
  partitions: number;
  pageSize: number;
  maxBreaksListed: number;
}

export interface ChainPartitionReport {
  streams: number;
  events: number;
  breaks: ChainBreak[];
  breakCount: number;
}

/** Up to this many partitions; the hash is masked to 10 bits first so negative hashes share the scheme. */
export const MAX_PARTITIONS = 1024;

const PARTITION_OF_STREAM = `(hashtext(stream_id) & ${MAX_PARTITIONS - 1}) % $2 = $3`;

/**
 * Columns in a fixed order (rows come back as arrays). The time comes as PostgreSQL's own text in UTC and is
 * turned into the envelope's ISO form in JS: formatting it in SQL (to_char) measured a third of the query.
 */
const CHAIN_COLUMNS = `global_position, stream_id, stream_version, event_id::text, type, schema_version, data, metadata,
  occurred_at::text, prev_hash, hash`;

type ChainRow = [
  string,
  string,
  number,
  string,
  string,
  number,
  unknown,
  Record<string, unknown> | null,
  string,
  string,
  string,
];

const STREAM_HEADS_PAGE = 50_000;

interface Link {
  version: number;
  hash: string;
}

const GENESIS: Link = { version: 0, hash: GENESIS_HASH };

/**
 * Checks every stream of one partition of a store: versions count up from 1 without gaps, prev_hash is the
 * predecessor's hash, hash is sha256(prev_hash || canonical(event)), and the chain ends where the `streams`
 * table says the stream's head is (so a deleted tail shows too). It carries on past a break and lists
 * every one: an altered event breaks at itself, a re-hashed one at its successor.
 *
 * The table is read in position order, the order rows lie on disk, keeping each stream's last link in
 * memory: walking it in (stream, version) order measured ten times slower, every row a random heap read.
 * Within a stream, position order is version order, since appends to a stream are serialized by its head
 * row; a row out of that order is itself reported.
 */
export async function verifyChainPartition(
  task: ChainPartitionTask,
  onProgress: (events: number) => void,
): Promise<ChainPartitionReport> {
  const { service, partition, partitions, pageSize } = task;
  const client = new pg.Client({ connectionString: task.databaseUrl });
  await client.connect();
  const report: ChainPartitionReport = { streams: 0, events: 0, breaks: [], breakCount: 0 };
  const addBreak = (found: ChainBreak) => {
    report.breakCount += 1;
    if (report.breaks.length < task.maxBreaksListed) report.breaks.push(found);
  };
  const links = new Map<string, Link>();
  try {
    // One snapshot for the walk and the heads, so events appended meanwhile appear in neither.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`SET LOCAL TimeZone = 'UTC'`);
    // Windows of positions holding about a page of this partition's rows each; the next is fetched while
    // this one is hashed.
    const page = ([after, through]: [string, string]) =>
      client.query<ChainRow>({
        text: `SELECT ${CHAIN_COLUMNS} FROM events WHERE global_position > $1 AND global_position <= $4 AND ${PARTITION_OF_STREAM}
               ORDER BY global_position`,
        values: [after, partitions, partition, through],
        rowMode: 'array',
      });
    const windows = positionWindows(0n, await lastPosition(client), pageSize * partitions);
    let window = windows.next();
    let pending = window.done ? null : page(window.value);
    while (pending) {
      const { rows } = await pending;
      window = windows.next();
      pending = window.done ? null : page(window.value);
      for (const row of rows) {
        const [, streamId, streamVersion, eventId, , , , , , , hash] = row;
        const reason = brokenLink(links.get(streamId) ?? GENESIS, row);
        if (reason) addBreak({ service, streamId, streamVersion, eventId, reason });
        // The next event is judged against this one as stored, so one altered event is one break, not many.
        links.set(streamId, { version: streamVersion, hash });
      }
      report.events += rows.length;
      onProgress(rows.length);
    }
    report.streams = links.size;
    await checkStreamHeads(client, task, links, (streamId, streamVersion, reason) =>
      addBreak({ service, streamId, streamVersion, eventId: null, reason }),
    );
    await client.query('COMMIT');
    return report;
  } finally {
    await client.end();
  }
}

function brokenLink(previous: Link, row: ChainRow): string | null {
  const [
    ,
    streamId,
    streamVersion,
    eventId,
    type,
    schemaVersion,
    data,
    metadata,
    occurredAt,
    prevHash,
    hash,
  ] = row;
  const problems: string[] = [];
  if (streamVersion !== previous.version + 1)
    problems.push(`version ${previous.version + 1} expected, found ${streamVersion}`);
  if (prevHash !== previous.hash)
    problems.push(
      `prev_hash is not the hash of ${previous.version === 0 ? 'the genesis' : `version ${previous.version}`}`,
    );
  if (metadata === null || typeof metadata !== 'object') problems.push('metadata is not an object');
  else {
    const recomputed = fastChainHash(prevHash, {
      eventId,
      type,
      schemaVersion,
      streamId,
      streamVersion,
      koperasiId: metadata.koperasiId as string,
      occurredAt: isoFromPostgresUtc(occurredAt),
      actor: metadata.actor as string,
      correlationId: metadata.correlationId as string,
      causationId: metadata.causationId as string | null | undefined,
      data,
    });
    if (recomputed !== hash)
      problems.push('hash does not match the event: its stored content was changed');
  }
  return problems.length > 0 ? problems.join('; ') : null;
}

/**
 * `2025-10-01 01:02:03.45+00` (PostgreSQL's text for a timestamptz in UTC; it drops trailing zeros of the
 * fraction) as `2025-10-01T01:02:03.450Z`, to the millisecond like Date.toISOString.
 */
export function isoFromPostgresUtc(text: string): string {
  const offset = text.length - 3;
  if (text.charCodeAt(10) !== 32 || text.slice(offset) !== '+00')
    throw new Error(`${text} is not a UTC timestamp`);
  const dot = text.indexOf('.', 19);
  const fraction =
    dot < 0
      ? '000'
      : text
          .slice(dot + 1, offset)
          .padEnd(3, '0')
          .slice(0, 3);
  return `${text.slice(0, 10)}T${text.slice(11, 19)}.${fraction}Z`;
}

/** The store's own record of each stream's head must be where the chain ends. */
async function checkStreamHeads(
  client: pg.Client,
  task: ChainPartitionTask,
  links: Map<string, Link>,
  /** `streamVersion`: the first version the head and the events disagree on. */
  broken: (streamId: string, streamVersion: number, reason: string) => void,
): Promise<void> {
  let seen = 0;
  let after = '';
  for (;;) {
    const { rows } = await client.query<[string, number, string]>({
      text: `SELECT stream_id, version, last_hash FROM streams WHERE stream_id > $1 AND ${PARTITION_OF_STREAM}
             ORDER BY stream_id LIMIT $4`,
      values: [after, task.partitions, task.partition, STREAM_HEADS_PAGE],
      rowMode: 'array',
    });
    for (const [streamId, version, lastHash] of rows) {
      const link = links.get(streamId);
      if (!link)
        broken(
          streamId,
          1,
          `the streams table has this stream at version ${version}, but it has no events`,
        );
      else {
        seen += 1;
        if (link.version !== version || link.hash !== lastHash) {
          const at = link.version === version ? version : Math.min(link.version, version) + 1;
          broken(
            streamId,
            at,
            `the streams table has the head at version ${version}, the events end at version ${link.version}${link.version === version ? ' with another hash' : ''}`,
          );
        }
        // Marked as having a head; whatever is left unmarked below has none.
        link.version = -link.version - 1;
      }
      after = streamId;
    }
    if (rows.length < STREAM_HEADS_PAGE) break;
  }
  if (seen === links.size) return;
  for (const [streamId, link] of links)
    if (link.version >= 0)
      broken(streamId, link.version, 'the stream has events but no head in the streams table');
}
