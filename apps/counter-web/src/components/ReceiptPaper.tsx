interface ReceiptPaperProps {
  lines: readonly string[];
}

/** The receipt as the 58 mm printer prints it: 32 monospace characters a line; the only thing a print shows. */
export function ReceiptPaper({ lines }: ReceiptPaperProps) {
  return (
    <pre class="receipt-paper" data-testid="receipt-paper">
      {lines.join('\n')}
    </pre>
  );
}
