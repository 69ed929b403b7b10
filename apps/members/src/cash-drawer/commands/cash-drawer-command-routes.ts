import {
  MemberCommands,
  type ApproveCashDrawerPayload,
  type CommandEnvelope,
  type CountCashDrawerPayload,
  type OpenCashDrawerPayload,
} from '@koperasi/contracts';
import { nowInWib, type Actor, type CommandRoute } from '@koperasi/service-kit';
import { cashDrawerIdOf, type CashDrawerCommand } from '../domain/index.js';
import {
  checkApprovePayload,
  checkCountPayload,
  checkOpenPayload,
} from './cash-drawer-payload-checks.js';

/** Buka kasir and tutup kasir act on the acting teller's drawer of today (WIB). */
function ownDrawerToday(actor: Actor, envelope: CommandEnvelope<unknown>, now: string) {
  const businessDate = now.slice(0, 10);
  return {
    drawerId: cashDrawerIdOf(envelope.koperasiId, actor.userId, businessDate),
    tellerId: actor.userId,
    businessDate,
  };
}

export const CASH_DRAWER_COMMAND_ROUTES: Record<string, CommandRoute<CashDrawerCommand>> = {
  [MemberCommands.openCashDrawer]: {
    check: checkOpenPayload,
    toCommand: (payload: OpenCashDrawerPayload, actor, envelope) => {
      const now = nowInWib();
      return {
        type: 'OpenCashDrawer',
        ...ownDrawerToday(actor, envelope, now),
        openingFloatRp: payload.openingFloatRp,
        now,
      };
    },
  },
  [MemberCommands.countCashDrawer]: {
    check: checkCountPayload,
    toCommand: (payload: CountCashDrawerPayload, actor, envelope) => {
      const now = nowInWib();
      return {
        type: 'CountCashDrawer',
        ...ownDrawerToday(actor, envelope, now),
        countedRp: payload.countedRp,
        denominations: payload.denominations,
        expected: payload.expected,
        now,
      };
    },
  },
  /** The supervisor approves a named teller's drawer of a named day (a drawer left counted yesterday included). */
  [MemberCommands.approveCashDrawer]: {
    check: checkApprovePayload,
    toCommand: (payload: ApproveCashDrawerPayload, actor, envelope) => ({
      type: 'ApproveCashDrawer',
      drawerId: cashDrawerIdOf(envelope.koperasiId, payload.tellerId, payload.businessDate),
      tellerId: payload.tellerId,
      businessDate: payload.businessDate,
      expectedRp: payload.expectedRp,
      approvedBy: actor.userId,
      approverName: payload.approverName,
      now: nowInWib(),
    }),
  },
};
