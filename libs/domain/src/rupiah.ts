/**
 * Money is whole rupiah in a JS number; above 2^53 integers stop being exact, so such an amount is refused
 * rather than silently rounded.
 */
export function isPositiveRupiah(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/** `Rp25.000`: Indonesian grouping, written out by hand so it does not depend on the runtime's ICU data. */
export function formatRupiah(amountRp: number): string {
  const sign = amountRp < 0 ? '-' : '';
  return `${sign}Rp${String(Math.abs(amountRp)).replace(/\B(?=(\d{3})+$)/g, '.')}`;
}
