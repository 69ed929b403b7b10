/** A monthly period such as a simpanan wajib month, written `YYYY-MM`. */
export type YearMonth = string;

const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isYearMonth(value: string): value is YearMonth {
  return YEAR_MONTH.test(value);
}

/** Negative, zero or positive like a sort comparator. */
export function compareYearMonths(a: YearMonth, b: YearMonth): number {
  assertYearMonth(a);
  assertYearMonth(b);
  // Fixed-width, zero-padded fields sort as text in calendar order.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every month from `start` to `end`, both included; empty when `end` is before `start`. */
export function monthsFromTo(start: YearMonth, end: YearMonth): YearMonth[] {
  const months: YearMonth[] = [];
  for (let month = start; compareYearMonths(month, end) <= 0; month = nextYearMonth(month)) {
    months.push(month);
  }
  return months;
}

export function nextYearMonth(value: YearMonth): YearMonth {
  assertYearMonth(value);
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  return month === 12 ? formatYearMonth(year + 1, 1) : formatYearMonth(year, month + 1);
}

/** The month `months` later (earlier when negative), in one step however far. */
export function addYearMonths(value: YearMonth, months: number): YearMonth {
  assertYearMonth(value);
  const index = Number(value.slice(0, 4)) * 12 + Number(value.slice(5, 7)) - 1 + months;
  return formatYearMonth(Math.floor(index / 12), (index % 12) + 1);
}

function formatYearMonth(year: number, month: number): YearMonth {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

function assertYearMonth(value: string): void {
  if (!isYearMonth(value)) throw new RangeError(`Not a YYYY-MM month: ${JSON.stringify(value)}`);
}
