import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  MemberCommandTopics,
  type ApproveCashDrawerPayload,
  type CashDrawerView,
  type CommandEnvelope,
  type CommandReply,
  type CountCashDrawerPayload,
  type OpenCashDrawerPayload,
} from '@koperasi/contracts';
import { nowInWib } from '@koperasi/service-kit';
import { CashDrawerCommandHandler, type DrawerKey } from './cash-drawer-command.handler.js';
import { checkApprovePayload, checkCountPayload, checkOpenPayload } from './cash-drawer-payload-checks.js';

/** Buka kasir and tutup kasir act on the acting teller's drawer of today (WIB). */
function ownDrawerToday(envelope: CommandEnvelope<unknown>): DrawerKey {
  return { tellerId: envelope.actor.userId, businessDate: nowInWib().slice(0, 10) };
}

@Controller()
export class CashDrawerCommandsController {
  constructor(private readonly drawers: CashDrawerCommandHandler) {}

  @MessagePattern(MemberCommandTopics.openCashDrawer)
  open(@Payload() envelope: CommandEnvelope<OpenCashDrawerPayload>): Promise<CommandReply<CashDrawerView>> {
    return this.drawers.execute(envelope, checkOpenPayload, ownDrawerToday, (payload, drawerId, key) => ({
      type: 'OpenCashDrawer',
      drawerId,
      ...key,
      openingFloatRp: payload.openingFloatRp,
      now: nowInWib(),
    }));
  }

  @MessagePattern(MemberCommandTopics.countCashDrawer)
  count(@Payload() envelope: CommandEnvelope<CountCashDrawerPayload>): Promise<CommandReply<CashDrawerView>> {
    return this.drawers.execute(envelope, checkCountPayload, ownDrawerToday, (payload, drawerId, key) => ({
      type: 'CountCashDrawer',
      drawerId,
      ...key,
      countedRp: payload.countedRp,
      denominations: payload.denominations,
      expected: payload.expected,
      now: nowInWib(),
    }));
  }

  /** The supervisor approves a named teller's drawer of a named day (a drawer left counted yesterday included). */
  @MessagePattern(MemberCommandTopics.approveCashDrawer)
  approve(@Payload() envelope: CommandEnvelope<ApproveCashDrawerPayload>): Promise<CommandReply<CashDrawerView>> {
    return this.drawers.execute(
      envelope,
      checkApprovePayload,
      ({ payload }) => ({ tellerId: payload.tellerId, businessDate: payload.businessDate }),
      (payload, drawerId, key) => ({
        type: 'ApproveCashDrawer',
        drawerId,
        ...key,
        expectedRp: payload.expectedRp,
        approvedBy: envelope.actor.userId,
        approverName: payload.approverName,
        now: nowInWib(),
      }),
    );
  }
}
