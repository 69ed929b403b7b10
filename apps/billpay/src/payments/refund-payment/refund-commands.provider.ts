import { BillpayCommands } from '@koperasi/contracts';
import { PostgresEventStore } from '@koperasi/eventstore';
import { DeciderCommandHandler, PG_POOL, type CommandRoute } from '@koperasi/service-kit';
import type { Pool } from 'pg';
import type { RefundPayment } from '../../domain/index.js';
import { refundAggregate } from './refund-aggregate.js';

/** The batch handler of refunds; the command table gives it its command. */
export const REFUND_COMMANDS = Symbol('REFUND_COMMANDS');

const REFUND_ROUTES: Record<string, CommandRoute<RefundPayment>> = {
  [BillpayCommands.refundPayment]: {
    toCommand: (_payload: unknown, actor) => ({
      type: 'RefundPayment',
      supervisorId: actor.userId,
    }),
  },
};

export const refundCommandsProvider = {
  provide: REFUND_COMMANDS,
  inject: [PG_POOL, PostgresEventStore],
  useFactory: (pool: Pool, store: PostgresEventStore) =>
    new DeciderCommandHandler(pool, store, refundAggregate(store), REFUND_ROUTES),
};
