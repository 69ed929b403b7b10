import type { INestApplication } from '@nestjs/common';
import type { CommandTableEntry, DeciderCommandHandler } from '@koperasi/service-kit';
import { BANK_COMMANDS } from './bank/commands/bank-commands.provider.js';
import { CASH_DRAWER_COMMANDS } from './cash-drawer/commands/cash-drawer-commands.provider.js';
import { MEMBER_COMMANDS } from './commands/member-commands.provider.js';
import { REGISTER_MEMBER_COMMANDS } from './commands/register-member/register-member-commands.provider.js';
import { PERIOD_CLOSING_COMMANDS } from './period-closing/commands/period-closing-commands.provider.js';
import { KOPERASI_COMMANDS } from './koperasi/commands/koperasi-commands.provider.js';

/** Every command of the service and its batch handler. */
export function membersCommandTable(app: INestApplication): CommandTableEntry[] {
  const members = app.get<DeciderCommandHandler<unknown, unknown, never>>(MEMBER_COMMANDS);
  const drawers = app.get<DeciderCommandHandler<unknown, unknown, never>>(CASH_DRAWER_COMMANDS);
  const bank = app.get<DeciderCommandHandler<unknown, unknown, never>>(BANK_COMMANDS);
  const closings = app.get<DeciderCommandHandler<unknown, unknown, never>>(PERIOD_CLOSING_COMMANDS);
  const registrations =
    app.get<DeciderCommandHandler<unknown, unknown, never>>(REGISTER_MEMBER_COMMANDS);
  const koperasi = app.get<DeciderCommandHandler<unknown, unknown, never>>(KOPERASI_COMMANDS);
  return [
    { commands: members.commands, handler: members.handle },
    { commands: drawers.commands, handler: drawers.handle },
    { commands: bank.commands, handler: bank.handle },
    { commands: koperasi.commands, handler: koperasi.handle },
    { commands: closings.commands, handler: closings.handle },
    { commands: registrations.commands, handler: registrations.handle },
  ];
}
