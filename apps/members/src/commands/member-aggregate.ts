import type { SavingsMovementResult } from '@koperasi/contracts';
import type { PostgresEventStore } from '@koperasi/eventstore';
import { badField, refused, type BatchAggregate } from '@koperasi/service-kit';
import {
  decideMember,
  evolveMember,
  type MemberCommand,
  type MemberEvent,
  type MemberState,
} from '../domain/index.js';
import { loadMembers } from '../read-model/member-snapshot.js';
import { projectMemberChanges } from '../read-model/project-member-events.js';
import { memberErrorReply } from './member-error-replies.js';
import { memberStreamId } from './member-stream-id.js';

/**
 * Commands on an existing member, for the batch handler: state from the snapshot plus newer events, the
 * read model written with the events. Members of another koperasi are answered as not found, like missing ones.
 */
export function memberAggregate(
  store: PostgresEventStore,
): BatchAggregate<MemberState, MemberCommand, MemberEvent> {
  return {
    decide: decideMember,
    evolve: evolveMember,
    target: ({ payload }) => {
      const { memberId } = payload;
      if (typeof memberId !== 'string' || memberId.trim() === '')
        return badField('memberId', 'is required');
      return { streamId: memberStreamId(memberId), aggregateId: memberId };
    },
    load: (pool, targets) => loadMembers(pool, store, targets),
    refuseAccess: (state, envelope) =>
      state.status === 'UNREGISTERED' || state.koperasiId !== envelope.koperasiId
        ? refused(
            404,
            'MEMBER_NOT_FOUND',
            `No member ${(envelope.payload as { memberId: string }).memberId} in this koperasi`,
          )
        : null,
    refusal: (error) => memberErrorReply(error as Parameters<typeof memberErrorReply>[0]),
    project: async (tx, changes, write) => void (await projectMemberChanges(tx, changes, write)),
    reply: ({ after, events, appended }): SavingsMovementResult => {
      if (after.status === 'UNREGISTERED')
        throw new Error('a member command left its member unregistered');
      return {
        memberId: after.memberId,
        eventId: appended[0].eventId,
        amountRp: events.reduce(
          (sum, event) => sum + ('amountRp' in event.data ? event.data.amountRp : 0),
          0,
        ),
        savings: {
          pokokRp: after.pokokBalanceRp,
          wajibRp: after.wajibBalanceRp,
          sukarelaRp: after.sukarelaBalanceRp,
        },
      };
    },
  };
}
