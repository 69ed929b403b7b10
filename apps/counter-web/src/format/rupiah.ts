const RUPIAH = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });

/** `Rp 1.234.567`: whole rupiah with Indonesian thousands separators, whatever the browser's locale. */
export function formatRupiah(amountRp: number): string {
  const sign = amountRp < 0 ? '-' : '';
  return `${sign}Rp ${RUPIAH.format(Math.abs(amountRp))}`;
}

/** Digits typed into a money field (`25.000`, `Rp 25000`) as whole rupiah, or null when there are none. */
export function parseRupiah(typed: string): number | null {
  const digits = typed.replace(/\D/g, '');
  if (digits === '' || digits.length > 13) return null;
  return Number(digits);
}

/** What a money field shows while typing: `25.000`. */
export function groupDigits(amountRp: number): string {
  return RUPIAH.format(amountRp);
}
