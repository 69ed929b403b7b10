import type { INestApplication } from '@nestjs/common';
import { LoanCommands } from '@koperasi/contracts';
import {
  commandByCommand,
  type CommandTableEntry,
  type DeciderCommandHandler,
} from '@koperasi/service-kit';
import { CloseRemittanceHandler } from './commands/close-remittance/close-remittance.handler.js';
import { COLLECT_INSTALLMENT_COMMANDS } from './commands/collect-installment/collect-installment-commands.provider.js';
import { PAY_BACK_REFUSED_COMMANDS } from './commands/pay-back-refused/pay-back-refused-commands.provider.js';

/**
 * Every command topic of the service and its handler. Installments and a supervisor's paying back of a refused
 * collection are decided a batch at a time; closing a remittance (which takes every acknowledged collection
 * of the koperasi), one at a time.
 */
export function loansCommandTable(app: INestApplication): CommandTableEntry[] {
  const collections = app.get<DeciderCommandHandler<unknown, unknown, never>>(
    COLLECT_INSTALLMENT_COMMANDS,
  );
  const close = app.get(CloseRemittanceHandler);
  const payBack =
    app.get<DeciderCommandHandler<unknown, unknown, never>>(PAY_BACK_REFUSED_COMMANDS);
  return [
    { topics: collections.topics, handler: collections.handle },
    commandByCommand(LoanCommands.closeRemittance, close.execute.bind(close)),
    { topics: payBack.topics, handler: payBack.handle },
  ];
}
