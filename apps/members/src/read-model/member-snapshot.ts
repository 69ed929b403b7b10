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
 * folded on. The snapshot is written in the appending transaction, so the tail is normally empty; counters
 * depositing all day into one member no longer re-read its whole history on every command.
 */
export async function loadMember(pool: Pool, store: PostgresEventStore, streamId: string, memberId: string): Promise<LoadedMember> {
  const { rows } = await pool.query<{ state: MemberState; stream_version: number }>(
    'SELECT state, stream_version FROM members WHERE id = $1',
    [memberId],
  );
  const snapshot = rows[0] ? { state: rows[0].state, version: rows[0].stream_version } : { state: initialMemberState, version: 0 };
  const tail = (await store.readStream(streamId, snapshot.version + 1)) as EventEnvelope<MemberEvent['data']>[];
  return {
    state: (tail as unknown as MemberEvent[]).reduce(evolveMember, snapshot.state),
    version: tail.at(-1)?.streamVersion ?? snapshot.version,
  };
}
