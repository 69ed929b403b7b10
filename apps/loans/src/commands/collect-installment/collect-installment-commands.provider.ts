import { randomUUID } from 'node:crypto';
import { LoanCommands, type CollectInstallmentPayload } from '@koperasi/contracts';
import { PostgresEventStore } from '@koperasi/eventstore';
import { DeciderCommandHandler, PG_POOL, type CommandRoute } from '@koperasi/service-kit';
import type { Pool } from 'pg';
import { AgreementsRepository } from '../../agreements/agreements.repository.js';
import { NoticeDispatcher } from '../../dispatch/notice-dispatcher.js';
import {
  collectInstallmentAggregate,
  type CollectionOrder,
} from './collect-installment-aggregate.js';

/** The batch handler of installments; the command table gives it its command. */
export const COLLECT_INSTALLMENT_COMMANDS = Symbol('COLLECT_INSTALLMENT_COMMANDS');

const COLLECT_INSTALLMENT_ROUTES: Record<string, CommandRoute<CollectionOrder>> = {
  [LoanCommands.collectInstallment]: {
    toCommand: (payload: CollectInstallmentPayload, actor) => ({
      type: 'CollectInstallment',
      collectionId: randomUUID(),
      loanNo: payload.loanNo,
      amountRp: payload.amountRp,
      loan: payload.loan,
      tellerId: actor.userId,
    }),
  },
};

export const collectInstallmentCommandsProvider = {
  provide: COLLECT_INSTALLMENT_COMMANDS,
  inject: [PG_POOL, PostgresEventStore, AgreementsRepository, NoticeDispatcher],
  useFactory: (
    pool: Pool,
    store: PostgresEventStore,
    agreements: AgreementsRepository,
    notices: NoticeDispatcher,
  ) =>
    new DeciderCommandHandler(
      pool,
      store,
      collectInstallmentAggregate(pool, agreements, notices),
      COLLECT_INSTALLMENT_ROUTES,
    ),
};
