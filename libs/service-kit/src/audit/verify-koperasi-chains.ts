import { GENESIS_HASH } from '@koperasi/contracts';
import { chainHash, type EventRow } from '@koperasi/eventstore';
import type { Pool } from 'pg';
import { AUDIT_EVENT_COLUMNS, auditEventOf, type AuditEvent } from './audit-event.js';

export interface ChainBreak {
  streamId: string;
  streamVersion: number;
  reason: string;
}

export interface KoperasiChainReport {
  ok: boolean;
  streamsChecked: number;
  eventsChecked: number;
  /** Every broken link found, up to MAX_BREAKS_REPORTED. */
  breaks: ChainBreak[];
  breaksTruncated: boolean;
}

export const MAX_BREAKS_REPORTED = 1000;
const PAGE_SIZE = 5000;

interface StreamHead {
  version: number;
  lastHash: string;
}

interface Walk {
  streamId: string;
  version: number;
  hash: string;
}

/**
 * Recomputes the hash chain of every stream holding events of these koperasi and reports every link that
 * does not fit, with stream and version: a changed event (its hash), a link to a changed or missing
 * predecessor (prev_hash, version gap), and a stream head that no longer matches its last event (a deleted
 * tail). Unlike the store's verifyHashChain, it goes on after the first break so one report names them all.
 */
export async function verifyKoperasiChains(
  pool: Pool,
  koperasiIds: string[],
): Promise<KoperasiChainReport> {
  const walker = new ChainWalker();
  let cursor = { streamId: '', streamVersion: 0 };
  // Each page moves the cursor forward through a finite store, so the loop ends.
  for (;;) {
    const { rows } = await pool.query<EventRow>(
      `SELECT ${AUDIT_EVENT_COLUMNS} FROM events
       WHERE (stream_id, stream_version) > ($1, $2) AND metadata->>'koperasiId' = ANY($3::text[])
       ORDER BY stream_id, stream_version LIMIT $4`,
      [cursor.streamId, cursor.streamVersion, koperasiIds, PAGE_SIZE],
    );
    walker.addHeads(await streamHeads(pool, [...new Set(rows.map((row) => row.stream_id))]));
    for (const row of rows) walker.check(auditEventOf(row));
    if (rows.length < PAGE_SIZE) break;
    const last = rows[rows.length - 1];
    cursor = { streamId: last.stream_id, streamVersion: last.stream_version };
  }
  return walker.finish();
}

/** Walks events in (stream, version) order and keeps the report. */
class ChainWalker {
  private readonly report: KoperasiChainReport = {
    ok: true,
    streamsChecked: 0,
    eventsChecked: 0,
    breaks: [],
    breaksTruncated: false,
  };
  private heads = new Map<string, StreamHead>();
  private walk: Walk | null = null;

  /** Heads of the streams on the next page; only the stream being walked can still need an older one. */
  addHeads(heads: Map<string, StreamHead>): void {
    const current = this.walk ? this.heads.get(this.walk.streamId) : undefined;
    this.heads = heads;
    if (this.walk && current) this.heads.set(this.walk.streamId, current);
  }

  check(event: AuditEvent): void {
    if (this.walk?.streamId !== event.streamId) {
      this.closeStream();
      this.walk = { streamId: event.streamId, version: 0, hash: GENESIS_HASH };
      this.report.streamsChecked += 1;
    }
    const walk = this.walk;
    if (event.streamVersion !== walk.version + 1) {
      this.broken(
        event.streamId,
        event.streamVersion,
        `version ${walk.version + 1} expected, found ${event.streamVersion}`,
      );
    } else if (event.prevHash !== walk.hash) {
      this.broken(
        event.streamId,
        event.streamVersion,
        'prev_hash does not match the previous event',
      );
    }
    if (chainHash(event.prevHash, event) !== event.hash) {
      this.broken(
        event.streamId,
        event.streamVersion,
        'hash does not match the event: it was changed after it was written',
      );
    }
    this.walk = { streamId: event.streamId, version: event.streamVersion, hash: event.hash };
    this.report.eventsChecked += 1;
  }

  finish(): KoperasiChainReport {
    this.closeStream();
    return this.report;
  }

  private closeStream(): void {
    const done = this.walk;
    if (!done) return;
    const head = this.heads.get(done.streamId);
    if (!head)
      this.broken(done.streamId, done.version, 'the stream has events but no head in streams');
    else if (head.version !== done.version || head.lastHash !== done.hash) {
      this.broken(
        done.streamId,
        done.version + 1,
        `the stream head says version ${head.version}; its events end at ${done.version}`,
      );
    }
  }

  private broken(streamId: string, streamVersion: number, reason: string): void {
    this.report.ok = false;
    if (this.report.breaks.length < MAX_BREAKS_REPORTED)
      this.report.breaks.push({ streamId, streamVersion, reason });
    else this.report.breaksTruncated = true;
  }
}

async function streamHeads(pool: Pool, streamIds: string[]): Promise<Map<string, StreamHead>> {
  if (streamIds.length === 0) return new Map();
  const { rows } = await pool.query<{ stream_id: string; version: number; last_hash: string }>(
    `SELECT stream_id, version, last_hash FROM streams WHERE stream_id = ANY($1::text[])`,
    [streamIds],
  );
  return new Map(
    rows.map((row) => [row.stream_id, { version: row.version, lastHash: row.last_hash }]),
  );
}
