import { Inject, Injectable } from '@nestjs/common';
import type {
  ClosePeriodPayload,
  CommandEnvelope,
  CommandReply,
  PeriodClosingView,
} from '@koperasi/contracts';
import { PostgresEventStore } from '@koperasi/eventstore';
import {
  CommandResults,
  IdempotentCommandExecutor,
  PG_POOL,
  accepted,
  badField,
  inTransaction,
  nowInWib,
} from '@koperasi/service-kit';
import type { Pool } from 'pg';
import { supervisorOnly } from '../../commands/supervisor-only.js';
import {
  decideClosePeriod,
  evolvePeriodClosing,
  initialPeriodClosingState,
  periodClosingStreamId,
  type PeriodClosed,
} from '../domain/index.js';
import { lockClosings } from '../read-model/open-month.js';
import { periodClosingView, projectPeriodClosed } from '../read-model/project-period-closed.js';
import { periodClosingErrorReply } from './period-closing-error-replies.js';

const MAX_NAME_LENGTH = 200;
const MAX_YEAR_END_ACCOUNTS = 500;
const MAX_ACCOUNT_CODE_LENGTH = 20;

/**
 * Tutup buku, a supervisor's command: under the koperasi's closings lock (exclusive, so bookkeeping in flight
 * finishes first), fold the koperasi's closings, decide, and in the same transaction append, write the row
 * and keep the reply. Two supervisors closing at once are taken one after the other: the second finds the
 * month closed and answers that closing.
 */
@Injectable()
export class PeriodClosingCommandHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly results: CommandResults,
    private readonly executor: IdempotentCommandExecutor,
  ) {}

  close(envelope: CommandEnvelope<ClosePeriodPayload>): Promise<CommandReply<PeriodClosingView>> {
    const invalid =
      supervisorOnly(envelope, 'Only a supervisor closes the books') ??
      checkClosePeriodPayload(envelope.payload);
    if (invalid) return Promise.resolve(invalid);
    const { payload, koperasiId } = envelope;
    const streamId = periodClosingStreamId(koperasiId);
    return this.executor.execute(envelope.commandId, () =>
      inTransaction(this.pool, async (tx) => {
        await lockClosings(tx, koperasiId);
        const history = ((await this.store.readStreams([streamId], tx)).get(streamId) ??
          []) as unknown as PeriodClosed[];
        const state = history.reduce(evolvePeriodClosing, initialPeriodClosingState);
        const decision = decideClosePeriod(
          {
            type: 'ClosePeriod',
            month: payload.month,
            closedBy: envelope.actor.userId,
            closedByName: payload.closedByName,
            yearEndAccounts: payload.yearEndAccounts ?? null,
            now: nowInWib(),
          },
          state,
        );
        if (!decision.ok) return periodClosingErrorReply(decision.error);
        const [event] = decision.events;
        if (!event) {
          const same = state.closings.find((closing) => closing.month === payload.month)!;
          return accepted(periodClosingView(koperasiId, same));
        }
        await this.store.appendWithin(tx, streamId, history.length, decision.events, {
          koperasiId,
          actor: envelope.actor.userId,
          correlationId: envelope.correlationId,
          causationId: envelope.commandId,
        });
        const reply = accepted(await projectPeriodClosed(tx, koperasiId, event.data));
        await this.results.save(tx, envelope.commandId, reply);
        return reply;
      }),
    );
  }
}

/** Anything that can write to the command topic reaches the service, so the payload's shape is checked here too. */
function checkClosePeriodPayload(payload: ClosePeriodPayload): CommandReply<never> | null {
  if (typeof payload.month !== 'string') return badField('month', 'must be YYYY-MM');
  const accounts = payload.yearEndAccounts;
  if (payload.month.endsWith('-12') && !Array.isArray(accounts))
    return badField('yearEndAccounts', "closing December needs the year's income and expenses");
  if (
    accounts !== undefined &&
    !(
      Array.isArray(accounts) &&
      accounts.length <= MAX_YEAR_END_ACCOUNTS &&
      accounts.every(
        (account) =>
          typeof account?.accountCode === 'string' &&
          account.accountCode.length <= MAX_ACCOUNT_CODE_LENGTH &&
          Number.isSafeInteger(account.netCreditRp),
      )
    )
  )
    return badField('yearEndAccounts', 'must be accounts with whole rupiah');
  return typeof payload.closedByName === 'string' && payload.closedByName.length <= MAX_NAME_LENGTH
    ? null
    : badField('closedByName', `must be text of at most ${MAX_NAME_LENGTH} characters`);
}
