import { MemberCommands, type ClosePeriodPayload, type CommandReply } from '@koperasi/contracts';
import { badField, nowInWib, type CommandRoute } from '@koperasi/service-kit';
import { supervisorOnly } from '../../commands/supervisor-only.js';
import type { ClosePeriod } from '../domain/index.js';

const MAX_NAME_LENGTH = 200;
const MAX_YEAR_END_ACCOUNTS = 500;
const MAX_ACCOUNT_CODE_LENGTH = 20;

export const PERIOD_CLOSING_COMMAND_ROUTES: Record<string, CommandRoute<ClosePeriod>> = {
  [MemberCommands.closePeriod]: {
    check: (payload: ClosePeriodPayload, envelope) =>
      supervisorOnly(envelope, 'Only a supervisor closes the books') ??
      checkClosePeriodPayload(payload),
    toCommand: (payload: ClosePeriodPayload, actor) => ({
      type: 'ClosePeriod',
      month: payload.month,
      closedBy: actor.userId,
      closedByName: payload.closedByName,
      yearEndAccounts: payload.yearEndAccounts ?? null,
      now: nowInWib(),
    }),
  },
};

/** Anything that can write to the command topic reaches the service, so the payload's shape is checked here too. */
function checkClosePeriodPayload(payload: ClosePeriodPayload): CommandReply<never> | null {
  if (typeof payload.month !== 'string') return badField('month', 'must be YYYY-MM');
  const accounts = payload.yearEndAccounts;
  if (payload.month.endsWith('-12') && !Array.isArray(accounts))
    return badField('yearEndAccounts', "closing December needs the year's income and expenses");
  if (
    accounts !== undefined &&
    !(
      Array.isArray(accounts) &&
      accounts.length <= MAX_YEAR_END_ACCOUNTS &&
      accounts.every(
        (account) =>
          typeof account?.accountCode === 'string' &&
          account.accountCode.length <= MAX_ACCOUNT_CODE_LENGTH &&
          Number.isSafeInteger(account.netCreditRp),
      )
    )
  )
    return badField('yearEndAccounts', 'must be accounts with whole rupiah');
  return typeof payload.closedByName === 'string' && payload.closedByName.length <= MAX_NAME_LENGTH
    ? null
    : badField('closedByName', `must be text of at most ${MAX_NAME_LENGTH} characters`);
}
