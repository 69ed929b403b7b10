import {
  MemberCommands,
  type MemberMoneyPayload,
  type PaySimpananWajibPayload,
} from '@koperasi/contracts';
import { nowInWib, type CommandRoute } from '@koperasi/service-kit';
import type { MemberCommand } from '../domain/index.js';

/** Each command on an existing member: its topic and the decider's command made of payload and teller. */
export const MEMBER_COMMAND_ROUTES: Record<string, CommandRoute<MemberCommand>> = {
  [MemberCommands.paySimpananPokok]: {
    toCommand: (payload: MemberMoneyPayload, actor) => ({
      type: 'PaySimpananPokok',
      amountRp: payload.amountRp,
      tellerId: actor.userId,
    }),
  },
  [MemberCommands.paySimpananWajib]: {
    toCommand: (payload: PaySimpananWajibPayload, actor) => ({
      type: 'PaySimpananWajib',
      periods: payload.periods,
      amountRp: payload.amountRp,
      tellerId: actor.userId,
    }),
  },
  [MemberCommands.depositSukarela]: {
    toCommand: (payload: MemberMoneyPayload, actor) => ({
      type: 'DepositSukarela',
      amountRp: payload.amountRp,
      tellerId: actor.userId,
    }),
  },
  [MemberCommands.withdrawSukarela]: {
    toCommand: (payload: MemberMoneyPayload, actor) => ({
      type: 'WithdrawSukarela',
      amountRp: payload.amountRp,
      tellerId: actor.userId,
    }),
  },
  [MemberCommands.resignMember]: {
    toCommand: (_payload: unknown, actor) => ({
      type: 'Resign',
      tellerId: actor.userId,
      at: nowInWib(),
    }),
  },
};
