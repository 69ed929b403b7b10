import type { EventEnvelope } from '@koperasi/contracts';
import type { PoolClient } from 'pg';
import { evolveMember, type MemberEvent, type MemberState, type RegisteredMember } from '../domain/index.js';
import { statementEntryOf } from './statement-entry.js';

/**
 * Brings the read model up to date with events just appended, inside the appending transaction.
 * `before` is the state the events were decided on; each movement records the balances right after it.
 */
export async function projectMemberEvents(
  tx: PoolClient,
  before: MemberState,
  appended: readonly EventEnvelope<MemberEvent['data']>[],
  events: readonly MemberEvent[],
): Promise<RegisteredMember> {
  let state = before;
  for (const [index, event] of events.entries()) {
    const envelope = appended[index];
    state = evolveMember(state, event);
    if (state.status === 'UNREGISTERED') throw new Error(`${event.type} left ${envelope.streamId} unregistered`);
    await projectOne(tx, state, envelope, event);
  }
  if (state.status === 'UNREGISTERED') throw new Error('projectMemberEvents: no events');
  const last = appended[appended.length - 1];
  await tx.query(
    `UPDATE members SET status = $2, pokok_rp = $3, wajib_rp = $4, sukarela_rp = $5, stream_version = $6, updated_at = $7,
                        state = $8
     WHERE id = $1`,
    [
      state.memberId, state.status, state.pokokBalanceRp, state.wajibBalanceRp, state.sukarelaBalanceRp, last.streamVersion,
      last.occurredAt, JSON.stringify(state),
    ],
  );
  return state;
}

async function projectOne(tx: PoolClient, after: RegisteredMember, envelope: EventEnvelope, event: MemberEvent): Promise<void> {
  if (event.type === 'MemberRegistered') {
    const { data } = event;
    await tx.query(
      `INSERT INTO members (id, koperasi_id, member_no, nik, full_name, sex, birth_date, birth_place, address, kelurahan,
                            phone, status, joined_at, joined_month, stream_version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [
        data.memberId, data.koperasiId, data.memberNo, data.nik, data.fullName, data.sex, data.birthDate, data.birthPlace,
        data.address, data.kelurahan, data.phone, after.status, data.joinedAt, after.joinedMonth, envelope.streamVersion,
        envelope.occurredAt,
      ],
    );
    return;
  }
  if (event.type === 'SimpananWajibPaid') {
    await tx.query(
      `INSERT INTO member_wajib_months (member_id, period, event_id) SELECT $1, period, $3 FROM unnest($2::text[]) AS period`,
      [after.memberId, event.data.periods, envelope.eventId],
    );
  }
  if (event.type === 'MemberResigned') {
    // A former member may join a koperasi again, this one or another.
    await tx.query('DELETE FROM member_niks WHERE member_id = $1', [after.memberId]);
  }
  const entry = statementEntryOf(event);
  if (!entry) return;
  await tx.query(
    `INSERT INTO savings_movements (event_id, member_id, koperasi_id, stream_version, occurred_at, kind, description,
                                    amount_rp, pokok_rp, wajib_rp, sukarela_rp)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      envelope.eventId, after.memberId, after.koperasiId, envelope.streamVersion, envelope.occurredAt, entry.kind,
      entry.description, entry.amountRp, after.pokokBalanceRp, after.wajibBalanceRp, after.sukarelaBalanceRp,
    ],
  );
}
