import {
  MemberCommandTopics,
  type MemberMoneyPayload,
  type PaySimpananWajibPayload,
} from '@koperasi/contracts';
import { nowInWib, type CommandRoute } from '@koperasi/service-kit';
import type { MemberCommand } from '../domain/index.js';

/** Each command on an existing member: its topic and the decider's command made of payload and teller. */
export const MEMBER_COMMAND_ROUTES: Record<string, CommandRoute<MemberCommand>> = {
  [MemberCommandTopics.paySimpananPokok]: {
    toCommand: (payload: MemberMoneyPayload, actor) => ({
      type: 'PaySimpananPokok',
      amountRp: payload.amountRp,
      tellerId: actor.userId,
    }),
  },
  [MemberCommandTopics.paySimpananWajib]: {
    toCommand: (payload: PaySimpananWajibPayload, actor) => ({
      type: 'PaySimpananWajib',
      periods: payload.periods,
      amountRp: payload.amountRp,
      tellerId: actor.userId,
    }),
  },
  [MemberCommandTopics.depositSukarela]: {
    toCommand: (payload: MemberMoneyPayload, actor) => ({
      type: 'DepositSukarela',
      amountRp: payload.amountRp,
      tellerId: actor.userId,
    }),
  },
  [MemberCommandTopics.withdrawSukarela]: {
    toCommand: (payload: MemberMoneyPayload, actor) => ({
      type: 'WithdrawSukarela',
      amountRp: payload.amountRp,
      tellerId: actor.userId,
    }),
  },
  [MemberCommandTopics.resignMember]: {
    toCommand: (_payload: unknown, actor) => ({
      type: 'Resign',
      tellerId: actor.userId,
      at: nowInWib(),
    }),
  },
};
