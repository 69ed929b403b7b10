import type { YearMonth } from '@koperasi/domain';

const WIB_OFFSET_MS = 7 * 3600 * 1000;

/**
 * The counters of this deployment are in WIB (UTC+07:00, no daylight saving); the date written in such a
 * timestamp is the counter's own date, which decides the joining month.
 */
export function nowInWib(nowMs = Date.now()): string {
  return `${new Date(nowMs + WIB_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

export function currentMonthInWib(nowMs = Date.now()): YearMonth {
  return nowInWib(nowMs).slice(0, 7);
}
