import { isPositiveRupiah } from '@koperasi/domain';
import { refuse, type MemberRefusal } from './member-decision.js';
import type { MemberState, RegisteredMember } from './member-state.js';

/** The member a command acts on, or why there is none to act on. */
export function openMember(
  state: MemberState,
  needs: 'ACTIVE' | 'PENDING_POKOK_OR_ACTIVE',
): { ok: true; member: RegisteredMember } | MemberRefusal {
  if (state.status === 'UNREGISTERED')
    return refuse('MEMBER_NOT_REGISTERED', 'No member is registered under this id');
  if (state.status === 'RESIGNED')
    return refuse('MEMBER_RESIGNED', 'The member has resigned; nothing more can be done');
  if (needs === 'ACTIVE' && state.status !== 'ACTIVE') {
    return refuse('MEMBER_NOT_ACTIVE', 'The member becomes active once simpanan pokok is paid');
  }
  return { ok: true, member: state };
}

/** Cash crosses a teller's drawer, so the teller is needed for the books as much as the amount. */
export function checkCash(tellerId: string, amountRp: number): MemberRefusal | null {
  const tellerRefusal = checkTeller(tellerId);
  if (tellerRefusal) return tellerRefusal;
  if (!isPositiveRupiah(amountRp)) {
    return refuse(
      'INVALID_AMOUNT',
      `Amount must be a whole number of rupiah above zero, got ${String(amountRp)}`,
    );
  }
  return null;
}

export function checkTeller(tellerId: string): MemberRefusal | null {
  if (typeof tellerId === 'string' && tellerId.trim() !== '') return null;
  return refuse('TELLER_REQUIRED', 'A cash movement needs the teller whose drawer it goes through');
}
