import { localDateOf } from '@koperasi/domain';
import type { Resign } from './member-commands.js';
import { refuse, type MemberDecision } from './member-decision.js';
import type { MemberResigned } from './member-events.js';
import { checkTeller, openMember } from './member-guards.js';
import type { MemberState } from './member-state.js';

/**
 * A member still waiting to pay pokok may resign too: every payment needs an active member, so such a
 * member has paid nothing and is paid out nothing. Unpaid wajib months are not netted against the payout;
 * the members' meeting decides on arrears, not the counter.
 */
export function decideResign(command: Resign, state: MemberState): MemberDecision<MemberResigned> {
  const open = openMember(state, 'PENDING_POKOK_OR_ACTIVE');
  if (!open.ok) return open;
  const { member } = open;
  const tellerRefusal = checkTeller(command.tellerId);
  if (tellerRefusal) return tellerRefusal;
  if (!localDateOf(command.at) || Date.parse(command.at) < Date.parse(member.joinedAt)) {
    return refuse(
      'INVALID_RESIGNATION_DATE',
      `Resignation time must be an ISO 8601 timestamp with offset, not before joining at ${member.joinedAt}`,
    );
  }
  const { pokokBalanceRp, wajibBalanceRp, sukarelaBalanceRp } = member;
  return {
    ok: true,
    events: [
      {
        type: 'MemberResigned',
        schemaVersion: 1,
        data: {
          memberId: member.memberId,
          resignedAt: command.at,
          tellerId: command.tellerId,
          pokokPayoutRp: pokokBalanceRp,
          wajibPayoutRp: wajibBalanceRp,
          sukarelaPayoutRp: sukarelaBalanceRp,
          amountRp: pokokBalanceRp + wajibBalanceRp + sukarelaBalanceRp,
        },
      },
    ],
  };
}
