import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  MemberCommandTopics,
  type CommandEnvelope,
  type CommandReply,
  type KoperasiView,
  type RegisterKoperasiPayload,
} from '@koperasi/contracts';
import { RegisterKoperasiHandler } from './register-koperasi.handler.js';

@Controller()
export class RegisterKoperasiController {
  constructor(private readonly handler: RegisterKoperasiHandler) {}

  @MessagePattern(MemberCommandTopics.registerKoperasi)
  handle(@Payload() envelope: CommandEnvelope<RegisterKoperasiPayload>): Promise<CommandReply<KoperasiView>> {
    return this.handler.execute(envelope);
  }
}
