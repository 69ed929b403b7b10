/**
 * pg hands bigint and numeric columns over as strings; rupiah become JS numbers only while they stay exact.
 */
export function rupiahFromColumn(value: string | number | null): number {
  if (value === null) return 0;
  const amountRp = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(amountRp))
    throw new Error(`Rupiah amount ${String(value)} is not an exact integer`);
  return amountRp;
}
