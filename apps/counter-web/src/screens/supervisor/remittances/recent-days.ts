import { wibToday } from '../../../format/wib';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Today and the days before it as WIB dates (YYYY-MM-DD), newest first. */
export function recentWibDays(count: number, now: Date = new Date()): string[] {
  // Noon-to-noon steps never land twice on one WIB date: WIB has no daylight saving.
  return Array.from({ length: count }, (_, back) =>
    wibToday(new Date(now.getTime() - back * DAY_MS)),
  );
}
