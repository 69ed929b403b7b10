import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  LoanCommandTopics,
  type CollectInstallmentPayload,
  type CollectInstallmentResult,
  type CommandEnvelope,
  type CommandReply,
} from '@koperasi/contracts';
import { CollectInstallmentHandler } from './collect-installment.handler.js';

@Controller()
export class CollectInstallmentController {
  constructor(private readonly handler: CollectInstallmentHandler) {}

  @MessagePattern(LoanCommandTopics.collectInstallment)
  handle(@Payload() envelope: CommandEnvelope<CollectInstallmentPayload>): Promise<CommandReply<CollectInstallmentResult>> {
    return this.handler.execute(envelope);
  }
}
