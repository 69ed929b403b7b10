import {
  LoanCommands,
  type CommandEnvelope,
  type PayBackRefusedCollectionPayload,
} from '@koperasi/contracts';
import { PostgresEventStore } from '@koperasi/eventstore';
import {
  DeciderCommandHandler,
  PG_POOL,
  badField,
  isUuid,
  refused,
  type CommandRoute,
} from '@koperasi/service-kit';
import type { Pool } from 'pg';
import type { PayBackRefusedCollection } from '../../domain/index.js';
import { payBackRefusedAggregate } from './pay-back-refused-aggregate.js';

/** The batch handler of paying a refused collection back; the command table gives it its command. */
export const PAY_BACK_REFUSED_COMMANDS = Symbol('PAY_BACK_REFUSED_COMMANDS');

const MAX_NAME_LENGTH = 200;

function checkPayBack(
  { collectionId, tellerId, paidByName }: PayBackRefusedCollectionPayload,
  envelope: CommandEnvelope<unknown>,
) {
  if (envelope.actor.role !== 'supervisor')
    return refused(403, 'FORBIDDEN', 'Only a supervisor pays a refused collection back');
  if (!isUuid(collectionId))
    return refused(404, 'COLLECTION_NOT_FOUND', 'No such collection in this koperasi');
  if (typeof tellerId !== 'string' || tellerId === '' || tellerId.length > MAX_NAME_LENGTH)
    return badField('tellerId', 'is required');
  if (typeof paidByName !== 'string' || paidByName.length > MAX_NAME_LENGTH)
    return badField('paidByName', 'must be text');
  return null;
}

const PAY_BACK_REFUSED_ROUTES: Record<string, CommandRoute<PayBackRefusedCollection>> = {
  [LoanCommands.payBackRefusedCollection]: {
    check: checkPayBack,
    toCommand: (payload: PayBackRefusedCollectionPayload, actor) => ({
      collectionId: payload.collectionId,
      tellerId: payload.tellerId,
      paidBy: actor.userId,
      paidByName: payload.paidByName,
    }),
  },
};

export const payBackRefusedCommandsProvider = {
  provide: PAY_BACK_REFUSED_COMMANDS,
  inject: [PG_POOL, PostgresEventStore],
  useFactory: (pool: Pool, store: PostgresEventStore) =>
    new DeciderCommandHandler(pool, store, payBackRefusedAggregate(store), PAY_BACK_REFUSED_ROUTES),
};
