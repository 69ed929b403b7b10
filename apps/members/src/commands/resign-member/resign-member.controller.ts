import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  MemberCommandTopics,
  type CommandEnvelope,
  type CommandReply,
  type ResignMemberPayload,
  type SavingsMovementResult,
} from '@koperasi/contracts';
import { nowInWib } from '@koperasi/service-kit';
import { MemberCommandHandler } from '../member-command.handler.js';

@Controller()
export class ResignMemberController {
  constructor(private readonly members: MemberCommandHandler) {}

  @MessagePattern(MemberCommandTopics.resignMember)
  handle(@Payload() envelope: CommandEnvelope<ResignMemberPayload>): Promise<CommandReply<SavingsMovementResult>> {
    return this.members.execute(envelope, (_payload, tellerId) => ({ type: 'Resign', tellerId, at: nowInWib() }));
  }
}
