import type { Pool } from 'pg';
import { GENESIS_HASH } from '@koperasi/contracts';
import { chainHash } from './hash-chain.js';
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from './stored-event.js';

export type ChainVerification =
  | { ok: true; streamsChecked: number; eventsChecked: number }
  | { ok: false; streamId: string; streamVersion: number; reason: string; eventsChecked: number };

export interface VerifyOptions {
  pageSize?: number;
  /** Verify one stream only. */
  streamId?: string;
}

/**
 * Recomputes every stream's hash chain from the stored events alone and names the first event that
 * does not fit: a changed field, a reordered or missing version, or a broken link to its predecessor.
 */
export async function verifyHashChain(
  pool: Pool,
  options: VerifyOptions = {},
): Promise<ChainVerification> {
  const pageSize = options.pageSize ?? 5000;
  let cursor = { streamId: options.streamId ?? '', streamVersion: 0 };
  let previous = { streamId: '', version: 0, hash: GENESIS_HASH };
  let eventsChecked = 0;
  let streamsChecked = 0;
  const streamFilter = options.streamId === undefined ? '' : 'AND stream_id = $4';
  for (;;) {
    const params: unknown[] = [cursor.streamId, cursor.streamVersion, pageSize];
    if (options.streamId !== undefined) params.push(options.streamId);
    const { rows } = await pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events
       WHERE (stream_id, stream_version) > ($1, $2) ${streamFilter}
       ORDER BY stream_id, stream_version LIMIT $3`,
      params,
    );
    for (const row of rows) {
      const event = toStoredEvent(row);
      if (event.streamId !== previous.streamId) {
        previous = { streamId: event.streamId, version: 0, hash: GENESIS_HASH };
        streamsChecked += 1;
      }
      const broken = (reason: string): ChainVerification => ({
        ok: false,
        streamId: event.streamId,
        streamVersion: event.streamVersion,
        reason,
        eventsChecked,
      });
      if (event.streamVersion !== previous.version + 1) {
        return broken(`version ${previous.version + 1} expected, found ${event.streamVersion}`);
      }
      if (event.prevHash !== previous.hash)
        return broken('prev_hash does not match the previous event');
      if (chainHash(event.prevHash, event) !== event.hash)
        return broken('hash does not match the event');
      previous = { streamId: event.streamId, version: event.streamVersion, hash: event.hash };
      eventsChecked += 1;
    }
    if (rows.length < pageSize) return { ok: true, streamsChecked, eventsChecked };
    const last = rows[rows.length - 1];
    cursor = { streamId: last.stream_id, streamVersion: last.stream_version };
  }
}
