import type { EventEnvelope } from '@koperasi/contracts';
import type { PostgresEventStore } from '@koperasi/eventstore';
import type { Pool } from 'pg';
import { evolveMember, initialMemberState, type MemberEvent, type MemberState } from '../domain/index.js';

export interface LoadedMember {
  state: MemberState;
  /** The version the state includes: the expected version of the next append. */
  version: number;
}

/**
 * A member's state as of the latest event: the snapshot kept in the members row, then any events after it
 * folded on. The snapshot is written in the appending transaction, so the tail is normally empty and one query
 * answers; counters depositing all day into one member no longer re-read its whole history on every command.
 */
export async function loadMember(pool: Pool, store: PostgresEventStore, streamId: string, memberId: string): Promise<LoadedMember> {
  const { rows } = await pool.query<{ state: MemberState | null; snapshot_version: number | null; stream_version: number | null }>(
    `SELECT m.state, m.stream_version AS snapshot_version, s.version AS stream_version
     FROM (SELECT 1) AS one
     LEFT JOIN members m ON m.id = $1
     LEFT JOIN streams s ON s.stream_id = $2`,
    [memberId, streamId],
  );
  const { state, snapshot_version: snapshotVersion, stream_version: streamVersion } = rows[0];
  const snapshot = state && snapshotVersion ? { state, version: snapshotVersion } : { state: initialMemberState, version: 0 };
  // Up to date, as it is unless a write bypassed the read model: no need to ask the event store.
  if (snapshot.version === (streamVersion ?? 0)) return snapshot;
  const tail = (await store.readStream(streamId, snapshot.version + 1)) as EventEnvelope<MemberEvent['data']>[];
  return {
    state: (tail as unknown as MemberEvent[]).reduce(evolveMember, snapshot.state),
    version: tail.at(-1)?.streamVersion ?? snapshot.version,
  };
}
