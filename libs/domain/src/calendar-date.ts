export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC keeps local DST out of it.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const ISO_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/**
 * The calendar date as written in an ISO 8601 timestamp, or null when it is not one.
 * The offset is required: a counter in WIT and one in WIB must not disagree on which day an instant was,
 * and the date written next to the offset is the counter's own local date.
 */
export function localDateOf(isoTimestamp: string): string | null {
  const match = ISO_TIMESTAMP.exec(isoTimestamp);
  if (!match) return null;
  const [, year, month, day] = match;
  if (!isCalendarDate(Number(year), Number(month), Number(day))) return null;
  return `${year}-${month}-${day}`;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a day that exists, written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDay(text: string): boolean {
  const match = DAY.exec(text);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}
