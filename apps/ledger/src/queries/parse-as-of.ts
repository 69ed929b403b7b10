import { isCalendarDate } from '../domain/index.js';

const DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * The cut-off of a report. Counters live in WIB, so a bare date means the end of that business day in WIB
 * and a time without a zone is WIB time. Returns null when the text is not such a date or time.
 */
export function parseAsOf(given: string): Date | null {
  // An unencoded `+07:00` in a query string arrives as ` 07:00`, since `+` there means a space.
  const text = given.replace(/ (\d{2}:?\d{2})$/, '+$1');
  let iso: string;
  if (isCalendarDate(text)) {
    iso = `${text}T23:59:59.999+07:00`;
  } else {
    const match = DATE_TIME.exec(text);
    if (!match || !isCalendarDate(match[1].slice(0, 10))) return null;
    const zone = match[2] ?? '+07:00';
    iso = `${match[1]}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`;
  }
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? null : instant;
}
