import {
  compareYearMonths,
  isPositiveRupiah,
  monthsFromTo,
  type YearMonth,
} from '@koperasi/domain';
import type { MemberState } from './member-state.js';

/**
 * The tunggakan shown at the counter: unpaid months from the joining month to `currentMonth`, both included.
 * `monthlyRp` is a parameter so the counter can show arrears at today's rate; a member who has left, or who
 * is not registered, owes nothing.
 */
export function wajibArrears(
  state: MemberState,
  currentMonth: YearMonth,
  monthlyRp: number,
): { months: YearMonth[]; amountRp: number } {
  if (!isPositiveRupiah(monthlyRp))
    throw new RangeError(`monthlyRp must be a positive whole rupiah amount, got ${monthlyRp}`);
  if (state.status === 'UNREGISTERED' || state.status === 'RESIGNED')
    return { months: [], amountRp: 0 };
  if (compareYearMonths(currentMonth, state.joinedMonth) < 0) return { months: [], amountRp: 0 };
  const paid = new Set(state.wajibPaidMonths);
  const months = monthsFromTo(state.joinedMonth, currentMonth).filter((month) => !paid.has(month));
  return { months, amountRp: months.length * monthlyRp };
}
