import type { RegisterMemberResult } from '@koperasi/contracts';
import { StreamVersionConflictError } from '@koperasi/eventstore';
import {
  RefusalInTransaction,
  refused,
  type BatchAggregate,
  type LoadedState,
  type StateChange,
} from '@koperasi/service-kit';
import type { Pool, PoolClient } from 'pg';
import {
  decideMember,
  evolveMemberNumbering,
  initialMemberState,
  numberedRegistration,
  type MemberEvent,
  type MemberNumbering,
  type RegistrationOrder,
} from '../../domain/index.js';
import { KOPERASI_COLUMNS, settingsOf, type KoperasiRow } from '../../koperasi/koperasi-row.js';
import { projectMemberChanges } from '../../read-model/project-member-events.js';
import { memberErrorReply } from '../member-error-replies.js';
import { memberStreamId } from '../member-stream-id.js';

type RegistrationChange = StateChange<MemberNumbering, MemberEvent, RegistrationOrder>;

const NUMBERING_KEY_PREFIX = 'numbering-';

const KOPERASI_NOT_FOUND = refused(404, 'KOPERASI_NOT_FOUND', 'No such koperasi');

/**
 * Registrations, for the batch handler: each member is a new stream decided on its koperasi's numbering
 * (its settings and next member number, read from its row), so a koperasi's registrations in a batch take
 * numbers in turn. The numbers and the platform-wide NIK claims are written with the events: a number
 * another instance took meanwhile decides the registrations again, and a taken NIK refuses its registration
 * alone, so a refused or failed registration leaves no number used and no NIK taken.
 */
export function registerMemberAggregate(
  pool: Pool,
): BatchAggregate<MemberNumbering, RegistrationOrder, MemberEvent> {
  /** The registered members' status after the read model is written, for the replies. */
  const results = new WeakMap<RegistrationChange, RegisterMemberResult>();
  return {
    decide: (order, numbering) =>
      decideMember(numberedRegistration(order, numbering.settings!, numbering), initialMemberState),
    evolve: evolveMemberNumbering,
    target: ({ koperasiId }, order) => ({
      streamId: memberStreamId(order.memberId),
      aggregateId: order.memberId,
      stateKey: `${NUMBERING_KEY_PREFIX}${koperasiId}`,
    }),
    load: async (_pool, targets) => {
      const koperasiIds = targets.map(({ stateKey }) =>
        stateKey!.slice(NUMBERING_KEY_PREFIX.length),
      );
      const { rows } = await pool.query<KoperasiRow & { next_member_seq: number }>(
        `SELECT next_member_seq, ${KOPERASI_COLUMNS} FROM koperasi WHERE id = ANY($1::uuid[])`,
        [koperasiIds],
      );
      const loaded = new Map<string, LoadedState<MemberNumbering>>(
        koperasiIds.map((id) => [
          `${NUMBERING_KEY_PREFIX}${id}`,
          { state: { settings: null, nextSeq: 0 }, version: 0 },
        ]),
      );
      for (const row of rows)
        loaded.set(`${NUMBERING_KEY_PREFIX}${row.id}`, {
          state: { settings: settingsOf(row), nextSeq: row.next_member_seq },
          version: 0,
        });
      return loaded;
    },
    refuseAccess: (numbering) => (numbering.settings ? null : KOPERASI_NOT_FOUND),
    refusal: (error) => memberErrorReply(error as Parameters<typeof memberErrorReply>[0]),
    project: async (tx, changes, write) => {
      if (changes.length === 0) return;
      await takeMemberNumbers(tx, changes);
      await claimNiks(tx, changes);
      const afters = await projectMemberChanges(
        tx,
        changes.map(({ appended, events }) => ({ before: initialMemberState, appended, events })),
        write,
      );
      changes.forEach((change, index) => {
        const [{ data }] = change.events as Extract<MemberEvent, { type: 'MemberRegistered' }>[];
        results.set(change, {
          id: data.memberId,
          memberNo: data.memberNo,
          status: afters[index].status,
        });
      });
    },
    reply: (change) => results.get(change),
  };
}

/**
 * Moves each koperasi's next number past the batch's registrations, if no one moved it since it was read;
 * the row stays locked until the commit, so numbers are handed out in order.
 */
async function takeMemberNumbers(tx: PoolClient, changes: RegistrationChange[]): Promise<void> {
  const numbers = new Map<string, { expected: number; next: number }>();
  for (const { envelope, before, after } of changes) {
    const taken = numbers.get(envelope.koperasiId);
    numbers.set(envelope.koperasiId, {
      expected: taken?.expected ?? before.nextSeq,
      next: after.nextSeq,
    });
  }
  const { rowCount } = await tx.query(
    `UPDATE koperasi k SET next_member_seq = n.next
     FROM unnest($1::uuid[], $2::int[], $3::int[]) AS n(id, expected, next)
     WHERE k.id = n.id AND k.next_member_seq = n.expected`,
    [
      [...numbers.keys()],
      [...numbers.values()].map(({ expected }) => expected),
      [...numbers.values()].map(({ next }) => next),
    ],
  );
  if (rowCount !== numbers.size)
    throw new StreamVersionConflictError(changes[0].target.stateKey!, 0, null);
}

/** Claims each registration's NIK platform-wide; the first one already held refuses its registration. */
async function claimNiks(tx: PoolClient, changes: RegistrationChange[]): Promise<void> {
  const registered = changes.map(
    ({ events }) => (events as Extract<MemberEvent, { type: 'MemberRegistered' }>[])[0].data,
  );
  const { rows } = await tx.query<{ nik: string }>(
    `INSERT INTO member_niks (nik, member_id, koperasi_id)
     SELECT * FROM unnest($1::text[], $2::uuid[], $3::uuid[])
     ON CONFLICT (nik) DO NOTHING RETURNING nik`,
    [
      registered.map(({ nik }) => nik),
      registered.map(({ memberId }) => memberId),
      registered.map(({ koperasiId }) => koperasiId),
    ],
  );
  if (rows.length === registered.length) return;
  const claimed = new Set(rows.map(({ nik }) => nik));
  const refusedAt = registered.findIndex(({ nik }) => !claimed.has(nik));
  throw new RefusalInTransaction(await nikTaken(tx, changes[refusedAt], registered[refusedAt].nik));
}

/** Says whether the NIK is taken here or elsewhere, never which other koperasi holds it. */
async function nikTaken(tx: PoolClient, change: RegistrationChange, nik: string) {
  const { rows } = await tx.query<{ koperasi_id: string }>(
    'SELECT koperasi_id FROM member_niks WHERE nik = $1',
    [nik],
  );
  const { envelope, command } = change;
  const where =
    rows[0]?.koperasi_id === envelope.koperasiId ? 'of this koperasi' : 'of another koperasi';
  return refused(
    409,
    'NIK_ALREADY_MEMBER',
    `NIK ${command.nik.trim()} is already a member ${where}; one person joins one koperasi`,
    [{ field: 'nik', message: `already a member ${where}` }],
  );
}
