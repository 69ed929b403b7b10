import type { INestApplication } from '@nestjs/common';
import { BillpayCommands } from '@koperasi/contracts';
import {
  commandByCommand,
  type CommandTableEntry,
  type DeciderCommandHandler,
} from '@koperasi/service-kit';
import { TopUpDepositHandler } from './deposit/top-up-deposit/top-up-deposit.handler.js';
import { PAY_BILL_COMMANDS } from './payments/pay-bill/pay-bill-commands.provider.js';
import { REFUND_COMMANDS } from './payments/refund-payment/refund-commands.provider.js';

/**
 * Every command topic of the service and its handler. Payments and refunds are decided a batch at a time;
 * top-ups, which claim the bank transfer's reference beside their event, one at a time.
 */
export function billpayCommandTable(app: INestApplication): CommandTableEntry[] {
  const payments = app.get<DeciderCommandHandler<unknown, unknown, never>>(PAY_BILL_COMMANDS);
  const refunds = app.get<DeciderCommandHandler<unknown, unknown, never>>(REFUND_COMMANDS);
  const topUp = app.get(TopUpDepositHandler);
  return [
    { topics: payments.topics, handler: payments.handle },
    { topics: refunds.topics, handler: refunds.handle },
    commandByCommand(BillpayCommands.topUpDeposit, topUp.execute.bind(topUp)),
  ];
}
