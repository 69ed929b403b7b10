const WIB_OFFSET_MS = 7 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;
export const INQUIRY_TTL_MS = 15 * 60 * 1000;

/**
 * An inquiry's quote holds for 15 minutes, and never past the end of the WIB day it was made on: the
 * aggregator takes a postpaid payment on the inquiry's reference only on the same day.
 */
export function inquiryExpiresAtMs(nowMs: number): number {
  const endOfWibDayMs =
    Math.floor((nowMs + WIB_OFFSET_MS) / DAY_MS) * DAY_MS + DAY_MS - WIB_OFFSET_MS;
  return Math.min(nowMs + INQUIRY_TTL_MS, endOfWibDayMs);
}
