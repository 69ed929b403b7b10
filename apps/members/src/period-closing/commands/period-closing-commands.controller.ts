import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  MemberCommandTopics,
  type ClosePeriodPayload,
  type CommandEnvelope,
  type CommandReply,
  type PeriodClosingView,
} from '@koperasi/contracts';
import { PeriodClosingCommandHandler } from './period-closing-command.handler.js';

@Controller()
export class PeriodClosingCommandsController {
  constructor(private readonly closings: PeriodClosingCommandHandler) {}

  @MessagePattern(MemberCommandTopics.closePeriod)
  close(
    @Payload() envelope: CommandEnvelope<ClosePeriodPayload>,
  ): Promise<CommandReply<PeriodClosingView>> {
    return this.closings.close(envelope);
  }
}
