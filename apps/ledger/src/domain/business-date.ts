const WIB_OFFSET_MS = 7 * 3600 * 1000;

/** The counter's calendar day in WIB (UTC+7, no daylight saving), as YYYY-MM-DD. */
export function businessDateWib(instant: string | Date): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new Error(`${String(instant)} is not a point in time`);
  return new Date(ms + WIB_OFFSET_MS).toISOString().slice(0, 10);
}
