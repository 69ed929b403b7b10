import {
  MemberCommands,
  type BookShuDistributionPayload,
  type RecordBankDepositPayload,
  type SettleBankFeesPayload,
} from '@koperasi/contracts';
import { nowInWib, type CommandRoute } from '@koperasi/service-kit';
import { supervisorOnly } from '../../commands/supervisor-only.js';
import {
  bankDepositIdOf,
  bankFeeSettlementIdOf,
  shuDistributionIdOf,
  type BankCommand,
} from '../domain/index.js';
import {
  checkBankDepositPayload,
  checkBankFeesPayload,
  checkShuDistributionPayload,
} from './bank-payload-checks.js';

const SUPERVISOR_ONLY = 'Only a supervisor records money with the bank or books the SHU';

export const BANK_COMMAND_ROUTES: Record<string, CommandRoute<BankCommand>> = {
  [MemberCommands.recordBankDeposit]: {
    check: (payload: RecordBankDepositPayload, envelope) =>
      supervisorOnly(envelope, SUPERVISOR_ONLY) ?? checkBankDepositPayload(payload),
    toCommand: (payload: RecordBankDepositPayload, actor, envelope) => ({
      type: 'RecordBankDeposit',
      depositId: bankDepositIdOf(envelope.koperasiId, payload.slipRef),
      slipRef: payload.slipRef,
      amountRp: payload.amountRp,
      vaultBalanceRp: payload.vaultBalanceRp,
      recordedBy: actor.userId,
      recordedByName: payload.recordedByName,
      now: nowInWib(),
    }),
  },
  [MemberCommands.settleBankFees]: {
    check: (payload: SettleBankFeesPayload, envelope) =>
      supervisorOnly(envelope, SUPERVISOR_ONLY) ?? checkBankFeesPayload(payload),
    toCommand: (payload: SettleBankFeesPayload, actor, envelope) => ({
      type: 'SettleBankFees',
      settlementId: bankFeeSettlementIdOf(envelope.koperasiId, payload.reference),
      reference: payload.reference,
      period: payload.period,
      amountRp: payload.amountRp,
      accruedRp: payload.accruedRp,
      recordedBy: actor.userId,
      recordedByName: payload.recordedByName,
      now: nowInWib(),
    }),
  },
  [MemberCommands.bookShuDistribution]: {
    check: (payload: BookShuDistributionPayload, envelope) =>
      supervisorOnly(envelope, SUPERVISOR_ONLY) ?? checkShuDistributionPayload(payload),
    toCommand: (payload: BookShuDistributionPayload, actor, envelope) => ({
      type: 'BookShuDistribution',
      distributionId: shuDistributionIdOf(envelope.koperasiId, payload.year),
      year: payload.year,
      ratDate: payload.ratDate,
      surplusRp: payload.surplusRp,
      cadanganRp: payload.cadanganRp,
      membersRp: payload.membersRp,
      approvedBy: actor.userId,
      approvedByName: payload.approvedByName,
      now: nowInWib(),
    }),
  },
};
