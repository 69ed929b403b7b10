const TOKEN_DIGITS = 20;

/**
 * The PLN prepaid token from the aggregator's serial number, printed as five groups of four digits
 * (1234-5678-9012-3456-7890). Serial numbers often carry more after the token (`token/NAME/R1/1300/kWh`);
 * only the leading 20 digits are the token. Null when there are not 20 of them.
 */
export function plnTokenOf(serialNo: string | null): string | null {
  if (!serialNo) return null;
  const digits = serialNo.split('/')[0].replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits) || digits.length !== TOKEN_DIGITS) return null;
  return digits.match(/\d{4}/g)!.join('-');
}
