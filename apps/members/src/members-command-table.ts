import type { INestApplication } from '@nestjs/common';
import { MemberCommands } from '@koperasi/contracts';
import {
  commandByCommand,
  type CommandTableEntry,
  type DeciderCommandHandler,
} from '@koperasi/service-kit';
import { BANK_COMMANDS } from './bank/commands/bank-commands.provider.js';
import { CASH_DRAWER_COMMANDS } from './cash-drawer/commands/cash-drawer-commands.provider.js';
import { MEMBER_COMMANDS } from './commands/member-commands.provider.js';
import { RegisterMemberHandler } from './commands/register-member/register-member.handler.js';
import { PERIOD_CLOSING_COMMANDS } from './period-closing/commands/period-closing-commands.provider.js';
import { KOPERASI_COMMANDS } from './koperasi/commands/koperasi-commands.provider.js';

/**
 * Every command topic of the service and its handler. Commands on a member, a cash drawer, the bank, the
 * closing of a month and a koperasi's registration are decided a batch at a time; a member's registration, which claims a number
 * and a NIK beside its events, one at a time.
 */
export function membersCommandTable(app: INestApplication): CommandTableEntry[] {
  const members = app.get<DeciderCommandHandler<unknown, unknown, never>>(MEMBER_COMMANDS);
  const drawers = app.get<DeciderCommandHandler<unknown, unknown, never>>(CASH_DRAWER_COMMANDS);
  const bank = app.get<DeciderCommandHandler<unknown, unknown, never>>(BANK_COMMANDS);
  const closings = app.get<DeciderCommandHandler<unknown, unknown, never>>(PERIOD_CLOSING_COMMANDS);
  const registerMember = app.get(RegisterMemberHandler);
  const koperasi = app.get<DeciderCommandHandler<unknown, unknown, never>>(KOPERASI_COMMANDS);
  return [
    { topics: members.topics, handler: members.handle },
    { topics: drawers.topics, handler: drawers.handle },
    { topics: bank.topics, handler: bank.handle },
    { topics: koperasi.topics, handler: koperasi.handle },
    { topics: closings.topics, handler: closings.handle },
    commandByCommand(MemberCommands.registerMember, registerMember.execute.bind(registerMember)),
  ];
}
