import { Inject, Injectable } from '@nestjs/common';
import type { CommandEnvelope, CommandReply, EventEnvelope, SavingsMovementResult } from '@koperasi/contracts';
import { PostgresEventStore } from '@koperasi/eventstore';
import type { Pool } from 'pg';
import { CommandResults, IdempotentCommandExecutor, PG_POOL, accepted, badField, checkEnvelope, inTransaction, isUuid, refused } from '@koperasi/service-kit';
import { decideMember, initialMemberState, type MemberCommand, type MemberEvent } from '../domain/index.js';
import { loadMember } from '../read-model/member-snapshot.js';
import { projectMemberEvents } from '../read-model/project-member-events.js';
import { memberErrorReply } from './member-error-replies.js';

export interface MemberPayload {
  memberId: string;
}

/** Builds the decider's command from a payload and the teller (the acting user). */
export type ToMemberCommand<P> = (payload: P, tellerId: string) => MemberCommand;

export function memberStreamId(memberId: string): string {
  return `member-${memberId}`;
}

/**
 * Every command on an existing member: load its state (snapshot plus newer events), decide, and in one transaction append, update the
 * read model and keep the reply. Members of another koperasi are answered as not found, like missing ones.
 */
@Injectable()
export class MemberCommandHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly results: CommandResults,
    private readonly executor: IdempotentCommandExecutor,
  ) {}

  async execute<P extends MemberPayload>(
    envelope: CommandEnvelope<P>,
    toCommand: ToMemberCommand<P>,
  ): Promise<CommandReply<SavingsMovementResult>> {
    const invalid = checkEnvelope(envelope, 'not-auditor');
    if (invalid) return invalid;
    const { memberId } = envelope.payload;
    if (typeof memberId !== 'string' || memberId.trim() === '') return badField('memberId', 'is required');
    return this.executor.execute(envelope.commandId, () => this.attempt(envelope, toCommand));
  }

  private async attempt<P extends MemberPayload>(
    envelope: CommandEnvelope<P>,
    toCommand: ToMemberCommand<P>,
  ): Promise<CommandReply<SavingsMovementResult>> {
    const { memberId } = envelope.payload;
    const streamId = memberStreamId(memberId);
    const { state, version } = isUuid(memberId)
      ? await loadMember(this.pool, this.store, streamId, memberId)
      : { state: initialMemberState, version: 0 };
    if (state.status === 'UNREGISTERED' || state.koperasiId !== envelope.koperasiId) {
      return refused(404, 'MEMBER_NOT_FOUND', `No member ${memberId} in this koperasi`);
    }
    const decision = decideMember(toCommand(envelope.payload, envelope.actor.userId), state);
    if (!decision.ok) return memberErrorReply(decision.error);
    const events = decision.events;
    return inTransaction(this.pool, async (tx) => {
      const appended = await this.store.appendWithin(tx, streamId, version, events, {
        koperasiId: envelope.koperasiId,
        actor: envelope.actor.userId,
        correlationId: envelope.correlationId,
        causationId: envelope.commandId,
      });
      const after = await projectMemberEvents(tx, state, appended.events as EventEnvelope<MemberEvent['data']>[], events);
      const reply = accepted<SavingsMovementResult>({
        memberId: after.memberId,
        eventId: appended.events[0].eventId,
        amountRp: events.reduce((sum, event) => sum + ('amountRp' in event.data ? event.data.amountRp : 0), 0),
        savings: { pokokRp: after.pokokBalanceRp, wajibRp: after.wajibBalanceRp, sukarelaRp: after.sukarelaBalanceRp },
      });
      await this.results.save(tx, envelope.commandId, reply);
      return reply;
    });
  }
}
