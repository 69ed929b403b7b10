import { randomUUID } from 'node:crypto';
import { BillpayCommands, type TopUpDepositPayload } from '@koperasi/contracts';
import { PostgresEventStore } from '@koperasi/eventstore';
import { DeciderCommandHandler, PG_POOL, type CommandRoute } from '@koperasi/service-kit';
import type { Pool } from 'pg';
import { requireSupervisor } from '../../commands/require-supervisor.js';
import type { TopUpDeposit } from '../../domain/index.js';
import { topUpDepositAggregate } from './top-up-deposit-aggregate.js';

/** The batch handler of deposit top-ups; the command table gives it its command. */
export const TOP_UP_DEPOSIT_COMMANDS = Symbol('TOP_UP_DEPOSIT_COMMANDS');

const TOP_UP_DEPOSIT_ROUTES: Record<string, CommandRoute<TopUpDeposit>> = {
  [BillpayCommands.topUpDeposit]: {
    check: (_payload: TopUpDepositPayload, envelope) => requireSupervisor(envelope),
    toCommand: (payload: TopUpDepositPayload, actor) => ({
      type: 'TopUpDeposit',
      topupId: randomUUID(),
      amountRp: payload.amountRp,
      bankTransferRef:
        typeof payload.bankTransferRef === 'string'
          ? payload.bankTransferRef.trim()
          : payload.bankTransferRef,
      supervisorId: actor.userId,
    }),
  },
};

export const topUpDepositCommandsProvider = {
  provide: TOP_UP_DEPOSIT_COMMANDS,
  inject: [PG_POOL, PostgresEventStore],
  useFactory: (pool: Pool, store: PostgresEventStore) =>
    new DeciderCommandHandler(pool, store, topUpDepositAggregate(pool), TOP_UP_DEPOSIT_ROUTES),
};
