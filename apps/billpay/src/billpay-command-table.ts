import type { INestApplication } from '@nestjs/common';
import type { CommandTableEntry, DeciderCommandHandler } from '@koperasi/service-kit';
import { TOP_UP_DEPOSIT_COMMANDS } from './deposit/top-up-deposit/top-up-deposit-commands.provider.js';
import { PAY_BILL_COMMANDS } from './payments/pay-bill/pay-bill-commands.provider.js';
import { REFUND_COMMANDS } from './payments/refund-payment/refund-commands.provider.js';

/** Every command of the service and its batch handler. */
export function billpayCommandTable(app: INestApplication): CommandTableEntry[] {
  const payments = app.get<DeciderCommandHandler<unknown, unknown, never>>(PAY_BILL_COMMANDS);
  const refunds = app.get<DeciderCommandHandler<unknown, unknown, never>>(REFUND_COMMANDS);
  const topUps = app.get<DeciderCommandHandler<unknown, unknown, never>>(TOP_UP_DEPOSIT_COMMANDS);
  return [
    { commands: payments.commands, handler: payments.handle },
    { commands: refunds.commands, handler: refunds.handle },
    { commands: topUps.commands, handler: topUps.handle },
  ];
}
