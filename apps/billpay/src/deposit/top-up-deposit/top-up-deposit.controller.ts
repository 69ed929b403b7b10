import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BillpayCommandTopics, type CommandEnvelope, type CommandReply, type TopUpDepositPayload } from '@koperasi/contracts';
import { TopUpDepositHandler, type TopUpResult } from './top-up-deposit.handler.js';

@Controller()
export class TopUpDepositController {
  constructor(private readonly handler: TopUpDepositHandler) {}

  @MessagePattern(BillpayCommandTopics.topUpDeposit)
  handle(@Payload() envelope: CommandEnvelope<TopUpDepositPayload>): Promise<CommandReply<TopUpResult>> {
    return this.handler.execute(envelope);
  }
}
