import type { EventEnvelope } from '@koperasi/contracts';
import type { PostgresEventStore } from '@koperasi/eventstore';
import type { LoadedState, StreamTarget } from '@koperasi/service-kit';
import { isUuid } from '@koperasi/service-kit';
import type { Pool } from 'pg';
import {
  evolveMember,
  initialMemberState,
  type MemberEvent,
  type MemberState,
} from '../domain/index.js';

/**
 * Members' states as of their latest events: the snapshot kept in each members row, then any events after it
 * folded on. The snapshot is written in the appending transaction, so the tails are normally empty and one
 * query answers for the whole batch; a member depositing all day is not re-read from its first event.
 */
export async function loadMembers(
  pool: Pool,
  store: PostgresEventStore,
  targets: StreamTarget[],
): Promise<Map<string, LoadedState<MemberState>>> {
  const { rows } = await pool.query<{
    stream_id: string;
    state: MemberState | null;
    snapshot_version: number | null;
    stream_version: number | null;
  }>(
    `SELECT t.stream_id, m.state, m.stream_version AS snapshot_version, s.version AS stream_version
     FROM unnest($1::text[], $2::uuid[]) AS t(stream_id, member_id)
     LEFT JOIN members m ON m.id = t.member_id
     LEFT JOIN streams s ON s.stream_id = t.stream_id`,
    // An id that is no uuid names no member; it loads as one never registered.
    [
      targets.map((target) => target.streamId),
      targets.map((target) => (isUuid(target.aggregateId) ? target.aggregateId : null)),
    ],
  );
  const loaded = new Map<string, LoadedState<MemberState>>();
  for (const row of rows) {
    const snapshot =
      row.state && row.snapshot_version
        ? { state: row.state, version: row.snapshot_version }
        : { state: initialMemberState, version: 0 };
    // Up to date, as it is unless a write bypassed the read model: no need to ask the event store.
    if (snapshot.version === (row.stream_version ?? 0)) {
      loaded.set(row.stream_id, snapshot);
      continue;
    }
    const tail = (await store.readStream(row.stream_id, snapshot.version + 1)) as EventEnvelope<
      MemberEvent['data']
    >[];
    loaded.set(row.stream_id, {
      state: (tail as unknown as MemberEvent[]).reduce(evolveMember, snapshot.state),
      version: tail.at(-1)?.streamVersion ?? snapshot.version,
    });
  }
  return loaded;
}
