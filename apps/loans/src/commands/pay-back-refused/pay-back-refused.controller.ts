import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  LoanCommandTopics,
  type CollectionView,
  type CommandEnvelope,
  type CommandReply,
  type PayBackRefusedCollectionPayload,
} from '@koperasi/contracts';
import { PayBackRefusedHandler } from './pay-back-refused.handler.js';

@Controller()
export class PayBackRefusedController {
  constructor(private readonly handler: PayBackRefusedHandler) {}

  @MessagePattern(LoanCommandTopics.payBackRefusedCollection)
  handle(@Payload() envelope: CommandEnvelope<PayBackRefusedCollectionPayload>): Promise<CommandReply<CollectionView>> {
    return this.handler.execute(envelope);
  }
}
