import type { INestApplication } from '@nestjs/common';
import { MemberCommandTopics } from '@koperasi/contracts';
import {
  commandByCommand,
  type CommandTableEntry,
  type DeciderCommandHandler,
} from '@koperasi/service-kit';
import { BANK_COMMANDS } from './bank/commands/bank-commands.provider.js';
import { CASH_DRAWER_COMMANDS } from './cash-drawer/commands/cash-drawer-commands.provider.js';
import { MEMBER_COMMANDS } from './commands/member-commands.provider.js';
import { RegisterMemberHandler } from './commands/register-member/register-member.handler.js';
import { RegisterKoperasiHandler } from './koperasi/register-koperasi/register-koperasi.handler.js';

/**
 * Every command topic of the service and its handler. Commands on a member, a cash drawer and the bank are decided
 * a batch at a time; registrations, which claim numbers and NIKs beside their events, one at a time.
 */
export function membersCommandTable(app: INestApplication): CommandTableEntry[] {
  const members = app.get<DeciderCommandHandler<unknown, unknown, never>>(MEMBER_COMMANDS);
  const drawers = app.get<DeciderCommandHandler<unknown, unknown, never>>(CASH_DRAWER_COMMANDS);
  const bank = app.get<DeciderCommandHandler<unknown, unknown, never>>(BANK_COMMANDS);
  const registerMember = app.get(RegisterMemberHandler);
  const registerKoperasi = app.get(RegisterKoperasiHandler);
  return [
    { topics: members.topics, handler: members.handle },
    { topics: drawers.topics, handler: drawers.handle },
    { topics: bank.topics, handler: bank.handle },
    commandByCommand(
      MemberCommandTopics.registerMember,
      registerMember.execute.bind(registerMember),
    ),
    commandByCommand(
      MemberCommandTopics.registerKoperasi,
      registerKoperasi.execute.bind(registerKoperasi),
    ),
  ];
}
