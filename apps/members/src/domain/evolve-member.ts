import { compareYearMonths } from '@koperasi/domain';
import type { MemberEvent } from './member-events.js';
import type { MemberState, RegisteredMember } from './member-state.js';

export function evolveMember(state: MemberState, event: MemberEvent): MemberState {
  if (event.type === 'MemberRegistered') {
    const { data } = event;
    return {
      status: 'PENDING_POKOK',
      memberId: data.memberId,
      koperasiId: data.koperasiId,
      joinedAt: data.joinedAt,
      // The date as written in the timestamp is the counter's local date, so its month is the joining month.
      joinedMonth: data.joinedAt.slice(0, 7),
      rates: {
        simpananPokokRp: data.simpananPokokRp,
        simpananWajibMonthlyRp: data.simpananWajibMonthlyRp,
      },
      pokokBalanceRp: 0,
      wajibBalanceRp: 0,
      wajibPaidMonths: [],
      sukarelaBalanceRp: 0,
    };
  }
  // Events only follow a registration in a member's stream; anything else is a corrupt stream.
  if (state.status === 'UNREGISTERED') throw new Error(`${event.type} before MemberRegistered`);
  return evolveRegistered(state, event);
}

function evolveRegistered(
  member: RegisteredMember,
  event: Exclude<MemberEvent, { type: 'MemberRegistered' }>,
): MemberState {
  switch (event.type) {
    case 'SimpananPokokPaid':
      return {
        ...member,
        status: 'ACTIVE',
        pokokBalanceRp: member.pokokBalanceRp + event.data.amountRp,
      };
    case 'SimpananWajibPaid':
      return {
        ...member,
        wajibBalanceRp: member.wajibBalanceRp + event.data.amountRp,
        wajibPaidMonths: [...member.wajibPaidMonths, ...event.data.periods].sort(compareYearMonths),
      };
    case 'SimpananSukarelaDeposited':
      return { ...member, sukarelaBalanceRp: member.sukarelaBalanceRp + event.data.amountRp };
    case 'SimpananSukarelaWithdrawn':
      return { ...member, sukarelaBalanceRp: member.sukarelaBalanceRp - event.data.amountRp };
    case 'MemberResigned':
      return {
        ...member,
        status: 'RESIGNED',
        pokokBalanceRp: 0,
        wajibBalanceRp: 0,
        sukarelaBalanceRp: 0,
      };
  }
}
