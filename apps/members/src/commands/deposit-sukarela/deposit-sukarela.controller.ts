import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  MemberCommandTopics,
  type CommandEnvelope,
  type CommandReply,
  type MemberMoneyPayload,
  type SavingsMovementResult,
} from '@koperasi/contracts';
import { MemberCommandHandler } from '../member-command.handler.js';

@Controller()
export class DepositSukarelaController {
  constructor(private readonly members: MemberCommandHandler) {}

  @MessagePattern(MemberCommandTopics.depositSukarela)
  handle(@Payload() envelope: CommandEnvelope<MemberMoneyPayload>): Promise<CommandReply<SavingsMovementResult>> {
    return this.members.execute(envelope, (payload, tellerId) => ({ type: 'DepositSukarela', amountRp: payload.amountRp, tellerId }));
  }
}
