/** `Rp 15.000` never split over two lines. */
export function keepTogether(amount: string): string {
  return amount.replace(/ /g, '\u00a0');
}
