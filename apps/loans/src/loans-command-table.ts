import type { INestApplication } from '@nestjs/common';
import type { CommandTableEntry, DeciderCommandHandler } from '@koperasi/service-kit';
import { CLOSE_REMITTANCE_COMMANDS } from './commands/close-remittance/close-remittance-commands.provider.js';
import { COLLECT_INSTALLMENT_COMMANDS } from './commands/collect-installment/collect-installment-commands.provider.js';
import { PAY_BACK_REFUSED_COMMANDS } from './commands/pay-back-refused/pay-back-refused-commands.provider.js';

/** Every command of the service and its batch handler. */
export function loansCommandTable(app: INestApplication): CommandTableEntry[] {
  const collections = app.get<DeciderCommandHandler<unknown, unknown, never>>(
    COLLECT_INSTALLMENT_COMMANDS,
  );
  const close = app.get<DeciderCommandHandler<unknown, unknown, never>>(CLOSE_REMITTANCE_COMMANDS);
  const payBack =
    app.get<DeciderCommandHandler<unknown, unknown, never>>(PAY_BACK_REFUSED_COMMANDS);
  return [
    { commands: collections.commands, handler: collections.handle },
    { commands: close.commands, handler: close.handle },
    { commands: payBack.commands, handler: payBack.handle },
  ];
}
