import { useEffect } from 'preact/hooks';

interface ReceiptPaperProps {
  lines: readonly string[];
}

/** Print line height (2.4 mm x 1.25, styles.css) and the paper's top and bottom padding with some room, in mm. */
const LINE_MM = 3;
const PADDING_MM = 8;

/**
 * The receipt as the 58 mm printer prints it: 32 monospace characters a line; the only thing a print shows.
 * The page is 58 mm wide and as long as the receipt (CSS has no auto page length), so the roll feeds no blank paper.
 */
export function ReceiptPaper({ lines }: ReceiptPaperProps) {
  const lengthMm = Math.ceil(lines.join('\n').split('\n').length * LINE_MM + PADDING_MM);
  usePageSize(`58mm ${lengthMm}mm`);
  return (
    <pre class="receipt-paper" data-testid="receipt-paper">
      {lines.join('\n')}
    </pre>
  );
}

/**
 * The print page size as a constructed stylesheet: the gateway's Content-Security-Policy refuses inline <style>
 * elements, while stylesheets made through the CSS object model are the page's own script at work.
 */
function usePageSize(size: string): void {
  useEffect(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`@page { size: ${size}; margin: 0; }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter(
        (adopted) => adopted !== sheet,
      );
    };
  }, [size]);
}
