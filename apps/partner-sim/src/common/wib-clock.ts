const WIB_OFFSET_MS = 7 * 3600 * 1000;

/** The WIB (UTC+07:00) calendar date of an instant, YYYY-MM-DD: the aggregator's business date. */
export function wibDateOf(atMs: number): string {
  return new Date(atMs + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** YYYYMM of the WIB month of an instant, the billing period of postpaid bills. */
export function wibPeriodOf(atMs: number): string {
  return wibDateOf(atMs).slice(0, 7).replace('-', '');
}

/** YYYY-MM of the WIB month of an instant, the bank's installment period. */
export function wibMonthOf(atMs: number): string {
  return wibDateOf(atMs).slice(0, 7);
}

/** Minutes since WIB midnight. */
export function wibMinuteOfDay(atMs: number): number {
  const wib = new Date(atMs + WIB_OFFSET_MS);
  return wib.getUTCHours() * 60 + wib.getUTCMinutes();
}
