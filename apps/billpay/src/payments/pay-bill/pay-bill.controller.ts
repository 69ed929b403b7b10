import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BillpayCommandTopics, type CommandEnvelope, type CommandReply, type PayBillPayload } from '@koperasi/contracts';
import type { PayBillResult } from './pay-bill-result.js';
import { PayBillHandler } from './pay-bill.handler.js';

@Controller()
export class PayBillController {
  constructor(private readonly handler: PayBillHandler) {}

  @MessagePattern(BillpayCommandTopics.payBill)
  handle(@Payload() envelope: CommandEnvelope<PayBillPayload>): Promise<CommandReply<PayBillResult>> {
    return this.handler.execute(envelope);
  }
}
