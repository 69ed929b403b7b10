import { wibToday } from '../../../format/wib';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The date and time fields an auditor types are WIB, whatever the browser's zone: `2026-03-31` and `23:59`
 * become `2026-03-31T23:59:00+07:00`, as the API's asOf/from/to take them.
 */
export function wibInstant(date: string, time: string): string {
  return `${date}T${time || '00:00'}:00+07:00`;
}

/** The WIB day `days` before a YYYY-MM-DD day. */
export function wibDayBefore(day: string, days: number): string {
  return wibToday(new Date(Date.parse(`${day}T12:00:00+07:00`) - days * DAY_MS));
}

/** The time now in WIB as HH:MM. */
export function wibTimeNow(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600 * 1000).toISOString().slice(11, 16);
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isTime(value: string): boolean {
  return TIME.test(value);
}
