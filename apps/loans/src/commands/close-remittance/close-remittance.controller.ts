import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { LoanCommandTopics, type CloseRemittancePayload, type CommandEnvelope, type CommandReply, type RemittanceView } from '@koperasi/contracts';
import { CloseRemittanceHandler } from './close-remittance.handler.js';

@Controller()
export class CloseRemittanceController {
  constructor(private readonly handler: CloseRemittanceHandler) {}

  @MessagePattern(LoanCommandTopics.closeRemittance)
  handle(@Payload() envelope: CommandEnvelope<CloseRemittancePayload>): Promise<CommandReply<RemittanceView>> {
    return this.handler.execute(envelope);
  }
}
