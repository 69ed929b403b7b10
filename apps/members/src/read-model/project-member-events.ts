import type { EventEnvelope } from '@koperasi/contracts';
import type { CombinedWrite } from '@koperasi/database';
import type { PoolClient } from 'pg';
import {
  evolveMember,
  type MemberEvent,
  type MemberState,
  type RegisteredMember,
} from '../domain/index.js';
import { statementEntryOf } from './statement-entry.js';

/** Events just appended to one member's stream, and the state they were decided on. */
export interface MemberChange {
  before: MemberState;
  appended: readonly EventEnvelope[];
  events: readonly MemberEvent[];
}

/**
 * Brings the read model up to date with a batch's appended events, inside the appending transaction: every
 * statement line in one insert, every member's row in one update, both added to `write` (run by the caller,
 * with the events). A registration's own rows are inserted on `tx` at once, so the update finds them. Each
 * movement records the balances right after it. Returns each change's state after its events.
 */
export async function projectMemberChanges(
  tx: PoolClient,
  changes: readonly MemberChange[],
  write: CombinedWrite,
): Promise<RegisteredMember[]> {
  const movements = new MovementRows();
  const latest = new Map<string, { state: RegisteredMember; envelope: EventEnvelope }>();
  const afters: RegisteredMember[] = [];
  for (const change of changes) {
    let state = change.before;
    for (const [index, event] of change.events.entries()) {
      const envelope = change.appended[index];
      state = evolveMember(state, event);
      if (state.status === 'UNREGISTERED')
        throw new Error(`${event.type} left ${envelope.streamId} unregistered`);
      await projectRegistries(tx, state, envelope, event);
      movements.add(state, envelope, event);
    }
    if (state.status === 'UNREGISTERED')
      throw new Error('projectMemberChanges: a change without events');
    latest.set(state.memberId, { state, envelope: change.appended[change.appended.length - 1] });
    afters.push(state);
  }
  movements.addTo(write);
  updateMembers(write, [...latest.values()]);
  return afters;
}

function updateMembers(
  write: CombinedWrite,
  rows: { state: RegisteredMember; envelope: EventEnvelope }[],
): void {
  if (rows.length === 0) return;
  write.add(
    `UPDATE members m SET status = u.status, pokok_rp = u.pokok_rp, wajib_rp = u.wajib_rp, sukarela_rp = u.sukarela_rp,
                          stream_version = u.stream_version, updated_at = u.updated_at, state = u.state
     FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::bigint[], $5::bigint[], $6::int[], $7::timestamptz[], $8::jsonb[])
          AS u(id, status, pokok_rp, wajib_rp, sukarela_rp, stream_version, updated_at, state)
     WHERE m.id = u.id`,
    [
      rows.map(({ state }) => state.memberId),
      rows.map(({ state }) => state.status),
      rows.map(({ state }) => state.pokokBalanceRp),
      rows.map(({ state }) => state.wajibBalanceRp),
      rows.map(({ state }) => state.sukarelaBalanceRp),
      rows.map(({ envelope }) => envelope.streamVersion),
      rows.map(({ envelope }) => envelope.occurredAt),
      rows.map(({ state }) => JSON.stringify(state)),
    ],
  );
}

/** The registration itself and the registries beside the statement: paid wajib months, the NIK claim. */
async function projectRegistries(
  tx: PoolClient,
  after: RegisteredMember,
  envelope: EventEnvelope,
  event: MemberEvent,
): Promise<void> {
  if (event.type === 'MemberRegistered') {
    const { data } = event;
    await tx.query(
      `INSERT INTO members (id, koperasi_id, member_no, nik, full_name, sex, birth_date, birth_place, address, kelurahan,
                            phone, status, joined_at, joined_month, stream_version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [
        data.memberId,
        data.koperasiId,
        data.memberNo,
        data.nik,
        data.fullName,
        data.sex,
        data.birthDate,
        data.birthPlace,
        data.address,
        data.kelurahan,
        data.phone,
        after.status,
        data.joinedAt,
        after.joinedMonth,
        envelope.streamVersion,
        envelope.occurredAt,
      ],
    );
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
}

/** The statement lines of a batch, gathered for one insert. */
class MovementRows {
  private readonly columns = {
    eventId: [] as string[],
    memberId: [] as string[],
    koperasiId: [] as string[],
    streamVersion: [] as number[],
    occurredAt: [] as string[],
    kind: [] as string[],
    description: [] as string[],
    amountRp: [] as number[],
    pokokRp: [] as number[],
    wajibRp: [] as number[],
    sukarelaRp: [] as number[],
  };

  add(after: RegisteredMember, envelope: EventEnvelope, event: MemberEvent): void {
    const entry = statementEntryOf(event);
    if (!entry) return;
    const c = this.columns;
    c.eventId.push(envelope.eventId);
    c.memberId.push(after.memberId);
    c.koperasiId.push(after.koperasiId);
    c.streamVersion.push(envelope.streamVersion);
    c.occurredAt.push(envelope.occurredAt);
    c.kind.push(entry.kind);
    c.description.push(entry.description);
    c.amountRp.push(entry.amountRp);
    c.pokokRp.push(after.pokokBalanceRp);
    c.wajibRp.push(after.wajibBalanceRp);
    c.sukarelaRp.push(after.sukarelaBalanceRp);
  }

  addTo(write: CombinedWrite): void {
    const c = this.columns;
    if (c.eventId.length === 0) return;
    write.add(
      `INSERT INTO savings_movements (event_id, member_id, koperasi_id, stream_version, occurred_at, kind, description,
                                      amount_rp, pokok_rp, wajib_rp, sukarela_rp)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::timestamptz[], $6::text[], $7::text[],
                            $8::bigint[], $9::bigint[], $10::bigint[], $11::bigint[])`,
      [
        c.eventId,
        c.memberId,
        c.koperasiId,
        c.streamVersion,
        c.occurredAt,
        c.kind,
        c.description,
        c.amountRp,
        c.pokokRp,
        c.wajibRp,
        c.sukarelaRp,
      ],
    );
  }
}
