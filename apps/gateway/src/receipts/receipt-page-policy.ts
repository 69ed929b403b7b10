import { createHash } from 'node:crypto';

/** What a printable receipt page may run: its one inline stylesheet and, where it has one, its inline handler. */
export interface ReceiptPageInlines {
  style: string;
  handler?: string;
}

/**
 * The Content-Security-Policy of a receipt page: nothing from anywhere except exactly the inline parts the page
 * was built with (by hash), so a name or reference printed on it can never bring a script or style of its own.
 */
export function receiptPagePolicy({ style, handler }: ReceiptPageInlines): string {
  const directives = [
    "default-src 'none'",
    `style-src '${sha256Of(style)}'`,
    handler === undefined
      ? "script-src 'none'"
      : `script-src 'unsafe-hashes' '${sha256Of(handler)}'`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ];
  return directives.join('; ');
}

function sha256Of(source: string): string {
  return `sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}`;
}
