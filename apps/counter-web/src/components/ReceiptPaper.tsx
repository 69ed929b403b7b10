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
  return (
    <>
      <style>{`@page { size: 58mm ${lengthMm}mm; margin: 0; }`}</style>
      <pre class="receipt-paper" data-testid="receipt-paper">
        {lines.join('\n')}
      </pre>
    </>
  );
}
