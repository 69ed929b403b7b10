import { compareYearMonths, formatRupiah, isYearMonth } from '@koperasi/domain';
import type { PaySimpananWajib } from './member-commands.js';
import { refuse, type MemberDecision } from './member-decision.js';
import type { SimpananWajibPaid } from './member-events.js';
import { checkCash, openMember } from './member-guards.js';
import type { MemberState } from './member-state.js';

/** Months ahead may be paid in advance: the decider has no clock, and koperasi commonly take wajib ahead. */
export function decidePaySimpananWajib(
  command: PaySimpananWajib,
  state: MemberState,
): MemberDecision<SimpananWajibPaid> {
  const open = openMember(state, 'ACTIVE');
  if (!open.ok) return open;
  const { member } = open;
  const cashRefusal = checkCash(command.tellerId, command.amountRp);
  if (cashRefusal) return cashRefusal;

  const { periods } = command;
  if (!Array.isArray(periods) || periods.length === 0) {
    return refuse('WAJIB_NO_PERIODS', 'Name at least one month (YYYY-MM) being paid');
  }
  const malformedAt = periods.findIndex(
    (period) => typeof period !== 'string' || !isYearMonth(period),
  );
  if (malformedAt >= 0) {
    return refuse(
      'INVALID_WAJIB_PERIOD',
      `${JSON.stringify(periods[malformedAt]) ?? 'undefined'} is not a month written YYYY-MM`,
    );
  }
  const duplicate = periods.find((period, index) => periods.indexOf(period) !== index);
  if (duplicate) return refuse('WAJIB_DUPLICATE_PERIOD', `${duplicate} is named twice`);
  const beforeJoining = periods.find((period) => compareYearMonths(period, member.joinedMonth) < 0);
  if (beforeJoining) {
    return refuse(
      'WAJIB_PERIOD_BEFORE_JOINING',
      `${beforeJoining} is before the member joined in ${member.joinedMonth}`,
    );
  }
  const alreadyPaid = periods.find((period) => member.wajibPaidMonths.includes(period));
  if (alreadyPaid)
    return refuse('WAJIB_PERIOD_ALREADY_PAID', `Simpanan wajib for ${alreadyPaid} is already paid`);

  const monthlyRp = member.rates.simpananWajibMonthlyRp;
  const dueRp = periods.length * monthlyRp;
  if (command.amountRp !== dueRp) {
    return refuse(
      'WAJIB_AMOUNT_MISMATCH',
      `Simpanan wajib for ${periods.length} month(s) is ${formatRupiah(dueRp)} (${periods.length} x ${formatRupiah(monthlyRp)}), ` +
        `got ${formatRupiah(command.amountRp)}`,
    );
  }
  return {
    ok: true,
    events: [
      {
        type: 'SimpananWajibPaid',
        schemaVersion: 1,
        data: {
          memberId: member.memberId,
          periods: [...periods].sort(compareYearMonths),
          amountRp: command.amountRp,
          tellerId: command.tellerId,
        },
      },
    ],
  };
}
