import { receiptPagePolicy } from '../../receipts/receipt-page-policy.js';
import { billReceiptLines, type PrintableBillReceipt } from './bill-receipt-text.js';

const STYLE = `
@page { size: 58mm auto; margin: 0; }
body { margin: 0; width: 58mm; }
pre { margin: 2mm; font-family: "Courier New", monospace; font-size: 9pt; line-height: 1.2; white-space: pre; }
`;

/** The Content-Security-Policy the page is served with: its own stylesheet and nothing else. */
export const BILL_RECEIPT_PAGE_POLICY = receiptPagePolicy({ style: STYLE });

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** A page a 58 mm receipt printer prints as it is: the 32-column text in a monospace block, nothing else. */
export function billReceiptHtml(receipt: PrintableBillReceipt): string {
  const text = billReceiptLines(receipt).map(escapeHtml).join('\n');
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Struk ${escapeHtml(receipt.refId)}</title>
<style>${STYLE}</style></head>
<body><pre>${text}</pre></body></html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}
