import { formatRupiah } from '@koperasi/domain';
import type { PaySimpananPokok } from './member-commands.js';
import { refuse, type MemberDecision } from './member-decision.js';
import type { SimpananPokokPaid } from './member-events.js';
import { checkCash, openMember } from './member-guards.js';
import type { MemberState } from './member-state.js';

export function decidePaySimpananPokok(
  command: PaySimpananPokok,
  state: MemberState,
): MemberDecision<SimpananPokokPaid> {
  const open = openMember(state, 'PENDING_POKOK_OR_ACTIVE');
  if (!open.ok) return open;
  const { member } = open;
  // Paying pokok is what makes a member active, so an active member has paid it.
  if (member.status === 'ACTIVE')
    return refuse('POKOK_ALREADY_PAID', 'Simpanan pokok is paid once, and it has been paid');
  const cashRefusal = checkCash(command.tellerId, command.amountRp);
  if (cashRefusal) return cashRefusal;
  if (command.amountRp !== member.rates.simpananPokokRp) {
    return refuse(
      'POKOK_AMOUNT_MISMATCH',
      `Simpanan pokok is ${formatRupiah(member.rates.simpananPokokRp)}, got ${formatRupiah(command.amountRp)}`,
    );
  }
  return {
    ok: true,
    events: [
      {
        type: 'SimpananPokokPaid',
        schemaVersion: 1,
        data: { memberId: member.memberId, amountRp: command.amountRp, tellerId: command.tellerId },
      },
    ],
  };
}
