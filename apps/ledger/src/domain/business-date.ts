const WIB_OFFSET_MS = 7 * 3600 * 1000;

/** The counter's calendar day in WIB (UTC+7, no daylight saving), as YYYY-MM-DD. */
export function businessDateWib(instant: string | Date): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new Error(`${String(instant)} is not a point in time`);
  return new Date(ms + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** YYYY-MM-DD naming a day that exists (no 2025-02-30). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}
