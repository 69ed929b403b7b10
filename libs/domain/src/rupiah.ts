/**
 * Money is whole rupiah in a JS number; above 2^53 integers stop being exact, so such an amount is refused
 * rather than silently rounded.
 */
export function isPositiveRupiah(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}
