import { isCalendarDate } from '../../domain/index.js';
import type { FeeIncomeGrouping } from './fee-income-view.js';

/** A year and a day: a leap year's report from 1 January to 31 December fits. */
export const MAX_FEE_INCOME_DAYS = 366;
const DAY_MS = 24 * 3600 * 1000;

export interface FeeIncomeParams {
  from: string;
  to: string;
  groupBy: FeeIncomeGrouping;
}

export type FieldProblem = { field: string; problems: string[] };

export type ParsedFeeIncomeParams =
  { ok: true; params: FeeIncomeParams } | { ok: false; details: FieldProblem[] };

/** `from` and `to` are business days in WIB, both included; `groupBy` is product unless asked otherwise. */
export function parseFeeIncomeParams(query: {
  from?: string;
  to?: string;
  groupBy?: string;
}): ParsedFeeIncomeParams {
  const details: FieldProblem[] = [];
  for (const field of ['from', 'to'] as const) {
    const value = query[field];
    if (value === undefined || value === '')
      details.push({ field, problems: [`${field} is required: a day in WIB written YYYY-MM-DD`] });
    else if (!isCalendarDate(value))
      details.push({ field, problems: [`${field} ${value} is not a day written YYYY-MM-DD`] });
  }
  const groupBy = query.groupBy === undefined || query.groupBy === '' ? 'product' : query.groupBy;
  if (groupBy !== 'product' && groupBy !== 'day')
    details.push({
      field: 'groupBy',
      problems: [`groupBy must be product or day, not ${groupBy}`],
    });
  if (details.length > 0) return { ok: false, details };

  const from = query.from!;
  const to = query.to!;
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
  if (days < 1)
    return { ok: false, details: [{ field: 'to', problems: [`to ${to} is before from ${from}`] }] };
  if (days > MAX_FEE_INCOME_DAYS) {
    return {
      ok: false,
      details: [
        {
          field: 'to',
          problems: [
            `from ${from} to ${to} is ${days} days; ask for at most ${MAX_FEE_INCOME_DAYS}`,
          ],
        },
      ],
    };
  }
  return { ok: true, params: { from, to, groupBy: groupBy as FeeIncomeGrouping } };
}

/** The instants a WIB day range covers: from midnight WIB of `from` up to, not including, midnight after `to`. */
export function wibDayRange(from: string, to: string): { start: Date; end: Date } {
  return {
    start: new Date(`${from}T00:00:00+07:00`),
    end: new Date(Date.parse(`${to}T00:00:00+07:00`) + DAY_MS),
  };
}
