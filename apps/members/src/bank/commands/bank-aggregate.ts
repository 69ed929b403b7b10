import type { PostgresEventStore } from '@koperasi/eventstore';
import {
  RefusalInTransaction,
  isUniqueViolation,
  foldStreams,
  type BatchAggregate,
} from '@koperasi/service-kit';
import type { Pool } from 'pg';
import {
  bankDepositStreamId,
  bankFeeMonthStreamId,
  decideBank,
  evolveBank,
  initialBankState,
  shuDistributionStreamId,
  type BankCommand,
  type BankEvent,
  type BankState,
} from '../domain/index.js';
import {
  closedMonthRefusal,
  refusalInClosedMonth,
} from '../../period-closing/read-model/open-month.js';
import {
  bankDepositView,
  bankFeeSettlementView,
  projectBankDeposit,
  projectBankFeeSettlement,
} from '../read-model/project-bank-events.js';
import { bankErrorReply } from './bank-error-replies.js';

/** The bookkeeping a command dates now, as a closed month's refusal names it. */
const WHAT: Record<BankCommand['type'], string> = {
  RecordBankDeposit: 'setoran ke bank',
  SettleBankFees: 'pembayaran fee dari bank',
  BookShuDistribution: 'pembagian SHU',
};

function streamIdOf(command: BankCommand, koperasiId: string): string {
  switch (command.type) {
    case 'RecordBankDeposit':
      return bankDepositStreamId(command.depositId);
    case 'SettleBankFees':
      return bankFeeMonthStreamId(koperasiId, command.period);
    case 'BookShuDistribution':
      return shuDistributionStreamId(command.distributionId);
  }
}

/**
 * Setor ke bank, the bank's fee settlements and the SHU distribution, a supervisor's bookkeeping: each on a
 * short stream (a slip, a month of fees, a year), folded whole. Dated now, so refused once this month is
 * closed: first, whatever else is wrong, and again under the closings lock in the writing transaction, so
 * none commits into a month a closing has taken.
 */
export function bankAggregate(
  pool: Pool,
  store: PostgresEventStore,
): BatchAggregate<BankState, BankCommand, BankEvent> {
  return {
    decide: decideBank,
    evolve: evolveBank,
    target: (envelope, command) => {
      const streamId = streamIdOf(command, envelope.koperasiId);
      return { streamId, aggregateId: streamId };
    },
    load: (_pool, targets) => foldStreams(store, targets, evolveBank, initialBankState),
    prepare: (commands) =>
      Promise.all(
        commands.map(
          async ({ envelope, command }) =>
            (await closedMonthRefusal(
              pool,
              envelope.koperasiId,
              command.now,
              WHAT[command.type],
            )) ?? command,
        ),
      ),
    beforeAppend: async (tx, commands) => {
      for (const { envelope, command } of commands) {
        const closed = await refusalInClosedMonth(
          tx,
          envelope.koperasiId,
          command.now,
          WHAT[command.type],
        );
        if (closed) throw new RefusalInTransaction(closed);
      }
    },
    refusal: (error) => bankErrorReply(error as Parameters<typeof bankErrorReply>[0]),
    project: async (tx, changes) => {
      for (const { envelope, events } of changes) {
        const [event] = events;
        if (event.type === 'BankDepositRecorded')
          await projectBankDeposit(tx, envelope.koperasiId, event);
        else if (event.type === 'BankFeesSettled')
          await projectFeeSettlement(tx, envelope.koperasiId, event);
        // The SHU's record is the journal; its reply is the event as booked.
      }
    },
    reply: ({ events: [event] }) => {
      switch (event.type) {
        case 'BankDepositRecorded':
          return bankDepositView(event);
        case 'BankFeesSettled':
          return bankFeeSettlementView(event);
        case 'ShuDistributionBooked':
          return event.data;
      }
    },
  };
}

/** A reference another month's settlement already holds is its own key: refused, the batch rolled back. */
async function projectFeeSettlement(
  ...[tx, koperasiId, event]: Parameters<typeof projectBankFeeSettlement>
): Promise<void> {
  try {
    await projectBankFeeSettlement(tx, koperasiId, event);
  } catch (error) {
    if (!isUniqueViolation(error, 'bank_fee_settlements_pkey')) throw error;
    throw new RefusalInTransaction(
      bankErrorReply({
        code: 'REFERENCE_ALREADY_RECORDED',
        message: `Reference ${event.data.reference} is already recorded`,
      }),
    );
  }
}
