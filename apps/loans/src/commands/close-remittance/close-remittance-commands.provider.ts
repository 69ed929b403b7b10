import { randomUUID } from 'node:crypto';
import {
  LoanCommands,
  type CloseRemittancePayload,
  type CommandEnvelope,
} from '@koperasi/contracts';
import { isCalendarDate } from '@koperasi/domain';
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
import { RemittanceDispatcher } from '../../dispatch/remittance-dispatcher.js';
import type { CloseRemittance } from '../../domain/index.js';
import { closeRemittanceAggregate } from './close-remittance-aggregate.js';

/** The batch handler of closing remittance batches; the command table gives it its command. */
export const CLOSE_REMITTANCE_COMMANDS = Symbol('CLOSE_REMITTANCE_COMMANDS');

function checkClose({ upToDate }: CloseRemittancePayload, envelope: CommandEnvelope<unknown>) {
  if (envelope.actor.role !== 'supervisor')
    return refused(403, 'FORBIDDEN', 'Only a supervisor of the koperasi remits to the bank');
  if (!isUuid(envelope.koperasiId)) return refused(404, 'KOPERASI_NOT_FOUND', 'No such koperasi');
  if (upToDate !== undefined && !isDate(upToDate))
    return badField('upToDate', 'must be a date written YYYY-MM-DD');
  return null;
}

function isDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return isCalendarDate(
    Number(value.slice(0, 4)),
    Number(value.slice(5, 7)),
    Number(value.slice(8, 10)),
  );
}

const CLOSE_REMITTANCE_ROUTES: Record<string, CommandRoute<CloseRemittance>> = {
  [LoanCommands.closeRemittance]: {
    check: checkClose,
    toCommand: (payload: CloseRemittancePayload, actor) => ({
      type: 'CloseRemittance',
      remittanceId: randomUUID(),
      supervisorId: actor.userId,
      upToDate: payload.upToDate ?? null,
    }),
  },
};

export const closeRemittanceCommandsProvider = {
  provide: CLOSE_REMITTANCE_COMMANDS,
  inject: [PG_POOL, PostgresEventStore, RemittanceDispatcher],
  useFactory: (pool: Pool, store: PostgresEventStore, dispatcher: RemittanceDispatcher) =>
    new DeciderCommandHandler(
      pool,
      store,
      closeRemittanceAggregate(pool, dispatcher),
      CLOSE_REMITTANCE_ROUTES,
    ),
};
