import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  MemberCommandTopics,
  type CommandEnvelope,
  type CommandReply,
  type PaySimpananWajibPayload,
  type SavingsMovementResult,
} from '@koperasi/contracts';
import { MemberCommandHandler } from '../member-command.handler.js';

@Controller()
export class PaySimpananWajibController {
  constructor(private readonly members: MemberCommandHandler) {}

  @MessagePattern(MemberCommandTopics.paySimpananWajib)
  handle(@Payload() envelope: CommandEnvelope<PaySimpananWajibPayload>): Promise<CommandReply<SavingsMovementResult>> {
    return this.members.execute(envelope, (payload, tellerId) => ({
      type: 'PaySimpananWajib',
      periods: payload.periods,
      amountRp: payload.amountRp,
      tellerId,
    }));
  }
}
