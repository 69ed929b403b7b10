import { Inject, Injectable } from '@nestjs/common';
import type { CashDrawerView, CommandEnvelope, CommandReply } from '@koperasi/contracts';
import { PostgresEventStore } from '@koperasi/eventstore';
import type { Pool } from 'pg';
import { CommandResults, IdempotentCommandExecutor, PG_POOL, accepted, checkEnvelope, inTransaction } from '@koperasi/service-kit';
import {
  cashDrawerDecider,
  cashDrawerIdOf,
  cashDrawerStreamId,
  type CashDrawerCommand,
  type CashDrawerEvent,
} from '../domain/index.js';
import { nextCashDrawerView, unopenedCashDrawer } from '../read-model/cash-drawer-view.js';
import { projectCashDrawerEvents } from '../read-model/project-cash-drawer-events.js';
import { cashDrawerErrorReply } from './cash-drawer-error-replies.js';

export interface DrawerKey {
  tellerId: string;
  businessDate: string;
}

/**
 * Every command on a teller's drawer of one day: fold its stream (a handful of events), decide, and in one
 * transaction append, update the drawer's row and keep the reply.
 */
@Injectable()
export class CashDrawerCommandHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly results: CommandResults,
    private readonly executor: IdempotentCommandExecutor,
  ) {}

  async execute<P>(
    envelope: CommandEnvelope<P>,
    check: (payload: P) => CommandReply<never> | null,
    keyOf: (envelope: CommandEnvelope<P>) => DrawerKey,
    toCommand: (payload: P, drawerId: string, key: DrawerKey) => CashDrawerCommand,
  ): Promise<CommandReply<CashDrawerView>> {
    const invalid = checkEnvelope(envelope, 'not-auditor') ?? check(envelope.payload);
    if (invalid) return invalid;
    return this.executor.execute(envelope.commandId, async () => {
      const key = keyOf(envelope);
      const drawerId = cashDrawerIdOf(envelope.koperasiId, key.tellerId, key.businessDate);
      const streamId = cashDrawerStreamId(drawerId);
      const history = (await this.store.readStream(streamId)) as unknown as CashDrawerEvent[];
      const state = history.reduce(cashDrawerDecider.evolve, cashDrawerDecider.initialState());
      const before = history.reduce(nextCashDrawerView, unopenedCashDrawer(drawerId, key.tellerId, key.businessDate));
      const decision = cashDrawerDecider.decide(toCommand(envelope.payload, drawerId, key), state);
      if (!decision.ok) return cashDrawerErrorReply(decision.error);
      return inTransaction(this.pool, async (tx) => {
        const appended = await this.store.appendWithin(tx, streamId, history.length, decision.events, {
          koperasiId: envelope.koperasiId,
          actor: envelope.actor.userId,
          correlationId: envelope.correlationId,
          causationId: envelope.commandId,
        });
        const lastVersion = appended.events[appended.events.length - 1].streamVersion;
        const after = await projectCashDrawerEvents(tx, envelope.koperasiId, before, decision.events, lastVersion);
        const reply = accepted(after);
        await this.results.save(tx, envelope.commandId, reply);
        return reply;
      });
    });
  }
}
