import type { DepositSukarela } from './member-commands.js';
import type { MemberDecision } from './member-decision.js';
import type { SimpananSukarelaDeposited } from './member-events.js';
import { checkCash, openMember } from './member-guards.js';
import type { MemberState } from './member-state.js';

export function decideDepositSukarela(
  command: DepositSukarela,
  state: MemberState,
): MemberDecision<SimpananSukarelaDeposited> {
  const open = openMember(state, 'ACTIVE');
  if (!open.ok) return open;
  const cashRefusal = checkCash(command.tellerId, command.amountRp);
  if (cashRefusal) return cashRefusal;
  return {
    ok: true,
    events: [
      {
        type: 'SimpananSukarelaDeposited',
        schemaVersion: 1,
        data: {
          memberId: open.member.memberId,
          amountRp: command.amountRp,
          tellerId: command.tellerId,
        },
      },
    ],
  };
}
