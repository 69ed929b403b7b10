import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  MemberCommandTopics,
  type CommandEnvelope,
  type CommandReply,
  type RegisterMemberPayload,
  type RegisterMemberResult,
} from '@koperasi/contracts';
import { RegisterMemberHandler } from './register-member.handler.js';

@Controller()
export class RegisterMemberController {
  constructor(private readonly handler: RegisterMemberHandler) {}

  @MessagePattern(MemberCommandTopics.registerMember)
  handle(@Payload() envelope: CommandEnvelope<RegisterMemberPayload>): Promise<CommandReply<RegisterMemberResult>> {
    return this.handler.execute(envelope);
  }
}
