import { centered, RECEIPT_WIDTH, wrapped } from '@koperasi/receipt-layout';

export const RULER = '1234567890'.repeat(4).slice(0, RECEIPT_WIDTH);

/**
 * The test page, in the receipts' own layout: the ruler, a full line of `=`, `<` in column 1 and `>` in the
 * last, the koperasi, the time. If the printer cuts the right edge, the last digits and the `>` go missing.
 */
export function testPageLines(koperasiName: string, title: string, printedAt: string): string[] {
  return [
    RULER,
    '='.repeat(RECEIPT_WIDTH),
    `<${' '.repeat(RECEIPT_WIDTH - 2)}>`,
    ...wrapped(koperasiName.toUpperCase()).map(centered),
    ...wrapped(title.toUpperCase()).map(centered),
    centered(printedAt),
    `<${'-'.repeat(RECEIPT_WIDTH - 2)}>`,
    RULER,
  ];
}
