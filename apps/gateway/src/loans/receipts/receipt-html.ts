import { RECEIPT_WIDTH } from '@koperasi/receipt-layout';
import { receiptPagePolicy } from '../../receipts/receipt-page-policy.js';
import { receiptLines, type PrintableReceipt } from './receipt-text.js';

const STYLE = `
  @page { size: 58mm auto; margin: 0; }
  body { margin: 0; }
  pre { font-family: "Courier New", monospace; font-size: 9pt; width: ${RECEIPT_WIDTH}ch; margin: 2mm; white-space: pre; }
`;
const PRINT_ON_LOAD = 'window.print()';

/** The Content-Security-Policy the page is served with: its own stylesheet and print handler, nothing else. */
export const INSTALLMENT_RECEIPT_PAGE_POLICY = receiptPagePolicy({
  style: STYLE,
  handler: PRINT_ON_LOAD,
});

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

/**
 * A page that prints the receipt on a 58 mm roll: monospaced, RECEIPT_WIDTH characters wide, no margins, and
 * the browser's print dialog opened on load.
 */
export function receiptHtml(receipt: PrintableReceipt): string {
  const body = receiptLines(receipt)
    .flatMap((line) => line.split('\n'))
    .map(escapeHtml)
    .join('\n');
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>Struk ${escapeHtml(receipt.collectionId)}</title>
<style>${STYLE}</style>
</head>
<body onload="${PRINT_ON_LOAD}">
<pre>
${body}
</pre>
</body>
</html>
`;
}
