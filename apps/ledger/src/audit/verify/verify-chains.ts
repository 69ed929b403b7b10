import pg from 'pg';
import { GENESIS_HASH } from '@koperasi/contracts';
import type { ProgressListener } from '../progress.js';
import type { ServiceName } from '../sources/service-stores.js';
import { fastChainHash } from './fast-chain-hash.js';

/** One event whose link in its stream's chain does not hold. */
export interface ChainBreak {
  service: ServiceName;
  streamId: string;
  streamVersion: number;
  eventId: string;
  reason: string;
}

export interface StoreChainReport {
  service: ServiceName;
  streams: number;
  events: number;
  /** Breaks found, up to the report's limit; `breakCount` counts them all. */
  breaks: ChainBreak[];
  breakCount: number;
}

export interface VerifyChainsOptions {
  pageSize?: number;
  /** Breaks listed per store; a store rewritten wholesale would otherwise list every event. */
  maxBreaksListed?: number;
}

const DEFAULT_PAGE_SIZE = 20_000;
const DEFAULT_MAX_BREAKS_LISTED = 1000;

/** Columns in a fixed order (rows come back as arrays) and the time as the store's envelope writes it. */
const CHAIN_COLUMNS = `stream_id, stream_version, event_id::text, type, schema_version, data, metadata,
  to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), prev_hash, hash`;

type ChainRow = [string, number, string, string, number, unknown, Record<string, unknown> | null, string, string, string];

/**
 * Walks every stream of one store in (stream, version) order, in large pages, and checks each event
 * against its predecessor: versions count up from 1 without gaps, prev_hash is the predecessor's hash, and
 * hash is sha256(prev_hash || canonical(event)). Unlike verifyHashChain it carries on past a break and
 * lists every one: an altered event breaks at itself, a re-hashed one at its successor.
 */
export async function verifyStoreChains(
  service: ServiceName,
  databaseUrl: string,
  options: VerifyChainsOptions = {},
  onProgress?: ProgressListener,
): Promise<StoreChainReport> {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const maxBreaksListed = options.maxBreaksListed ?? DEFAULT_MAX_BREAKS_LISTED;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const report: StoreChainReport = { service, streams: 0, events: 0, breaks: [], breakCount: 0 };
  try {
    // One snapshot for the whole walk, so events appended meanwhile neither appear half-way nor shift pages.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const total = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0].n);
    onProgress?.({ phase: `verify ${service}`, done: 0, total, unit: 'events' });
    let previous = { streamId: '', version: 0, hash: GENESIS_HASH };
    let cursor: [string, number] = ['', 0];
    for (;;) {
      const { rows } = await client.query<ChainRow>({
        text: `SELECT ${CHAIN_COLUMNS} FROM events WHERE (stream_id, stream_version) > ($1, $2)
               ORDER BY stream_id, stream_version LIMIT $3`,
        values: [cursor[0], cursor[1], pageSize],
        rowMode: 'array',
      });
      for (const row of rows) {
        const [streamId, streamVersion, eventId, type, schemaVersion, data, metadata, occurredAt, prevHash, hash] = row;
        if (streamId !== previous.streamId) {
          previous = { streamId, version: 0, hash: GENESIS_HASH };
          report.streams += 1;
        }
        const reason = brokenLink(previous, row, () =>
          fastChainHash(prevHash, {
            eventId,
            type,
            schemaVersion,
            streamId,
            streamVersion,
            koperasiId: metadata?.koperasiId as string,
            occurredAt,
            actor: metadata?.actor as string,
            correlationId: metadata?.correlationId as string,
            causationId: metadata?.causationId as string | null | undefined,
            data,
          }),
        );
        if (reason) {
          report.breakCount += 1;
          if (report.breaks.length < maxBreaksListed) report.breaks.push({ service, streamId, streamVersion, eventId, reason });
        }
        // The next event is judged against this one as stored, so one altered event is one break, not many.
        previous = { streamId, version: streamVersion, hash };
        report.events += 1;
      }
      onProgress?.({ phase: `verify ${service}`, done: report.events, total, unit: 'events' });
      if (rows.length < pageSize) break;
      const last = rows[rows.length - 1];
      cursor = [last[0], last[1]];
    }
    await client.query('COMMIT');
    return report;
  } finally {
    await client.end();
  }
}

function brokenLink(previous: { version: number; hash: string }, row: ChainRow, recompute: () => string): string | null {
  const [, streamVersion, , , , , metadata, , prevHash, hash] = row;
  const problems: string[] = [];
  if (streamVersion !== previous.version + 1) problems.push(`version ${previous.version + 1} expected, found ${streamVersion}`);
  if (prevHash !== previous.hash) problems.push(`prev_hash is not the hash of version ${previous.version || 'genesis'}`);
  if (metadata === null || typeof metadata !== 'object') problems.push('metadata is not an object');
  else if (recompute() !== hash) problems.push('hash does not match the event: its stored content was changed');
  return problems.length > 0 ? problems.join('; ') : null;
}
