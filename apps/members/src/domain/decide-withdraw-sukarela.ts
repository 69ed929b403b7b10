import { formatRupiah } from '@koperasi/domain';
import type { WithdrawSukarela } from './member-commands.js';
import { refuse, type MemberDecision } from './member-decision.js';
import type { SimpananSukarelaWithdrawn } from './member-events.js';
import { checkCash, openMember } from './member-guards.js';
import type { MemberState } from './member-state.js';

export function decideWithdrawSukarela(
  command: WithdrawSukarela,
  state: MemberState,
): MemberDecision<SimpananSukarelaWithdrawn> {
  const open = openMember(state, 'ACTIVE');
  if (!open.ok) return open;
  const { member } = open;
  const cashRefusal = checkCash(command.tellerId, command.amountRp);
  if (cashRefusal) return cashRefusal;
  if (command.amountRp > member.sukarelaBalanceRp) {
    return refuse(
      'INSUFFICIENT_SUKARELA',
      `Simpanan sukarela balance is ${formatRupiah(member.sukarelaBalanceRp)}, cannot withdraw ${formatRupiah(command.amountRp)}`,
    );
  }
  return {
    ok: true,
    events: [
      {
        type: 'SimpananSukarelaWithdrawn',
        schemaVersion: 1,
        data: { memberId: member.memberId, amountRp: command.amountRp, tellerId: command.tellerId },
      },
    ],
  };
}
