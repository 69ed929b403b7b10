import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  MemberCommandTopics,
  type BankDepositView,
  type BookShuDistributionPayload,
  type ShuDistributionBookedView,
  type BankFeeSettlementView,
  type CommandEnvelope,
  type CommandReply,
  type RecordBankDepositPayload,
  type SettleBankFeesPayload,
} from '@koperasi/contracts';
import { BankCommandHandler } from './bank-command.handler.js';

@Controller()
export class BankCommandsController {
  constructor(private readonly bank: BankCommandHandler) {}

  @MessagePattern(MemberCommandTopics.recordBankDeposit)
  recordDeposit(
    @Payload() envelope: CommandEnvelope<RecordBankDepositPayload>,
  ): Promise<CommandReply<BankDepositView>> {
    return this.bank.recordDeposit(envelope);
  }

  @MessagePattern(MemberCommandTopics.bookShuDistribution)
  bookShuDistribution(
    @Payload() envelope: CommandEnvelope<BookShuDistributionPayload>,
  ): Promise<CommandReply<ShuDistributionBookedView>> {
    return this.bank.bookShuDistribution(envelope);
  }

  @MessagePattern(MemberCommandTopics.settleBankFees)
  settleFees(
    @Payload() envelope: CommandEnvelope<SettleBankFeesPayload>,
  ): Promise<CommandReply<BankFeeSettlementView>> {
    return this.bank.settleFees(envelope);
  }
}
