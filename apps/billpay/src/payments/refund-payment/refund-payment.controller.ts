import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BillpayCommandTopics, type CommandEnvelope, type CommandReply, type RefundPaymentPayload } from '@koperasi/contracts';
import { RefundPaymentHandler, type RefundResult } from './refund-payment.handler.js';

@Controller()
export class RefundPaymentController {
  constructor(private readonly handler: RefundPaymentHandler) {}

  @MessagePattern(BillpayCommandTopics.refundPayment)
  handle(@Payload() envelope: CommandEnvelope<RefundPaymentPayload>): Promise<CommandReply<RefundResult>> {
    return this.handler.execute(envelope);
  }
}
