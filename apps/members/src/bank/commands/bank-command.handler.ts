import { Inject, Injectable } from '@nestjs/common';
import type {
  BankDepositView,
  BankFeeSettlementView,
  BookShuDistributionPayload,
  ShuDistributionBookedView,
  CommandEnvelope,
  CommandReply,
  RecordBankDepositPayload,
  SettleBankFeesPayload,
} from '@koperasi/contracts';
import type { Decision } from '@koperasi/domain';
import { PostgresEventStore } from '@koperasi/eventstore';
import type { Pool, PoolClient } from 'pg';
import {
  CommandResults,
  IdempotentCommandExecutor,
  PG_POOL,
  accepted,
  inTransaction,
  isUniqueViolation,
  nowInWib,
} from '@koperasi/service-kit';
import {
  bankDepositIdOf,
  bankDepositStreamId,
  bankFeeMonthStreamId,
  bankFeeSettlementIdOf,
  decideBankDeposit,
  decideBankFeeSettlement,
  decideShuDistribution,
  evolveBankDeposit,
  evolveBankFeeMonth,
  initialBankDepositState,
  initialBankFeeMonthState,
  type BankDepositRecorded,
  type BankErrorCode,
  type BankEvent,
  type BankFeesSettled,
  type ShuDistributionBooked,
  shuDistributionIdOf,
  shuDistributionStreamId,
} from '../domain/index.js';
import { projectBankDeposit, projectBankFeeSettlement } from '../read-model/project-bank-events.js';
import { supervisorOnly } from '../../commands/supervisor-only.js';
import { refusalInClosedMonth } from '../../period-closing/read-model/open-month.js';
import { bankErrorReply } from './bank-error-replies.js';
import {
  checkBankDepositPayload,
  checkBankFeesPayload,
  checkShuDistributionPayload,
} from './bank-payload-checks.js';

const SUPERVISOR_ONLY = 'Only a supervisor records money with the bank or books the SHU';

/**
 * Setor ke bank and the bank's fee settlements, a supervisor's commands: fold the slip's (or the month's) short
 * stream, decide, and in one transaction append, write the row and keep the reply.
 */
@Injectable()
export class BankCommandHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly results: CommandResults,
    private readonly executor: IdempotentCommandExecutor,
  ) {}

  recordDeposit(
    envelope: CommandEnvelope<RecordBankDepositPayload>,
  ): Promise<CommandReply<BankDepositView>> {
    const invalid =
      supervisorOnly(envelope, SUPERVISOR_ONLY) ?? checkBankDepositPayload(envelope.payload);
    if (invalid) return Promise.resolve(invalid);
    const { payload, koperasiId } = envelope;
    const depositId = bankDepositIdOf(koperasiId, payload.slipRef);
    const now = nowInWib();
    return this.run(
      envelope,
      { what: 'setoran ke bank', now },
      bankDepositStreamId(depositId),
      (history: BankDepositRecorded[]) =>
        decideBankDeposit(
          {
            type: 'RecordBankDeposit',
            depositId,
            slipRef: payload.slipRef,
            amountRp: payload.amountRp,
            vaultBalanceRp: payload.vaultBalanceRp,
            recordedBy: envelope.actor.userId,
            recordedByName: payload.recordedByName,
            now,
          },
          history.reduce(evolveBankDeposit, initialBankDepositState),
        ),
      (tx, event) => projectBankDeposit(tx, koperasiId, event),
    );
  }

  settleFees(
    envelope: CommandEnvelope<SettleBankFeesPayload>,
  ): Promise<CommandReply<BankFeeSettlementView>> {
    const invalid =
      supervisorOnly(envelope, SUPERVISOR_ONLY) ?? checkBankFeesPayload(envelope.payload);
    if (invalid) return Promise.resolve(invalid);
    const { payload, koperasiId } = envelope;
    const now = nowInWib();
    return this.run(
      envelope,
      { what: 'pembayaran fee dari bank', now },
      bankFeeMonthStreamId(koperasiId, payload.period),
      (history: BankFeesSettled[]) =>
        decideBankFeeSettlement(
          {
            type: 'SettleBankFees',
            settlementId: bankFeeSettlementIdOf(koperasiId, payload.reference),
            reference: payload.reference,
            period: payload.period,
            amountRp: payload.amountRp,
            accruedRp: payload.accruedRp,
            recordedBy: envelope.actor.userId,
            recordedByName: payload.recordedByName,
            now,
          },
          history.reduce(evolveBankFeeMonth, initialBankFeeMonthState),
        ),
      async (tx, event) => {
        try {
          return await projectBankFeeSettlement(tx, koperasiId, event);
        } catch (error) {
          if (isUniqueViolation(error, 'bank_fee_settlements_pkey'))
            throw new DuplicateReference(event.data.reference);
          throw error;
        }
      },
    );
  }

  bookShuDistribution(
    envelope: CommandEnvelope<BookShuDistributionPayload>,
  ): Promise<CommandReply<ShuDistributionBookedView>> {
    const invalid =
      supervisorOnly(envelope, SUPERVISOR_ONLY) ?? checkShuDistributionPayload(envelope.payload);
    if (invalid) return Promise.resolve(invalid);
    const { payload, koperasiId } = envelope;
    const distributionId = shuDistributionIdOf(koperasiId, payload.year);
    const now = nowInWib();
    return this.run(
      envelope,
      { what: 'pembagian SHU', now },
      shuDistributionStreamId(distributionId),
      (history: ShuDistributionBooked[]) =>
        decideShuDistribution(
          {
            type: 'BookShuDistribution',
            distributionId,
            year: payload.year,
            ratDate: payload.ratDate,
            surplusRp: payload.surplusRp,
            cadanganRp: payload.cadanganRp,
            membersRp: payload.membersRp,
            approvedBy: envelope.actor.userId,
            approvedByName: payload.approvedByName,
            now,
          },
          history,
        ),
      // The journal is its record; the reply is the event as booked.
      (_tx, event) => Promise.resolve(event.data),
    );
  }

  /** `dated`: the bookkeeping and the time it is dated, refused in a closed month. */
  private run<E extends BankEvent, V>(
    envelope: CommandEnvelope<unknown>,
    dated: { what: string; now: string },
    streamId: string,
    decide: (history: E[]) => Decision<E, BankErrorCode>,
    project: (tx: PoolClient, event: E) => Promise<V>,
  ): Promise<CommandReply<V>> {
    return this.executor.execute(envelope.commandId, async () => {
      const history = (await this.store.readStream(streamId)) as unknown as E[];
      try {
        return await inTransaction(this.pool, async (tx) => {
          // A closed month comes first: whatever else is wrong, it cannot be booked into that month.
          const closed = await refusalInClosedMonth(tx, envelope.koperasiId, dated.now, dated.what);
          if (closed) return closed;
          const decision = decide(history);
          if (!decision.ok) return bankErrorReply(decision.error);
          await this.store.appendWithin(tx, streamId, history.length, decision.events, {
            koperasiId: envelope.koperasiId,
            actor: envelope.actor.userId,
            correlationId: envelope.correlationId,
            causationId: envelope.commandId,
          });
          const reply = accepted(await project(tx, decision.events[0]));
          await this.results.save(tx, envelope.commandId, reply);
          return reply;
        });
      } catch (error) {
        // Rolled back: nothing was appended for the reference another settlement already holds.
        if (!(error instanceof DuplicateReference)) throw error;
        const reply = bankErrorReply({
          code: 'REFERENCE_ALREADY_RECORDED',
          message: `Reference ${error.reference} is already recorded`,
        });
        return reply as CommandReply<V>;
      }
    });
  }
}

class DuplicateReference extends Error {
  constructor(readonly reference: string) {
    super(`Reference ${reference} is already recorded`);
  }
}
