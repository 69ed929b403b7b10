/** A 58 mm roll prints 32 characters of the standard font on a line. */
export const PAPER_WIDTH = 32;
export const RULER = '12345678901234567890123456789012';

function center(text: string): string {
  return `${' '.repeat(Math.max(0, Math.floor((PAPER_WIDTH - text.length) / 2)))}${text}`;
}

/** Breaks at spaces where it can, inside a word where it must; no line is longer than the paper. */
function wrap(text: string): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (rest.length > 0) {
      const joined = current ? `${current} ${rest}` : rest;
      if (joined.length <= PAPER_WIDTH) {
        current = joined;
        rest = '';
      } else if (current) {
        lines.push(current);
        current = '';
      } else {
        lines.push(rest.slice(0, PAPER_WIDTH));
        rest = rest.slice(PAPER_WIDTH);
      }
    }
  }
  if (current) lines.push(current);
  return lines;
}

/**
 * The test page: the ruler, a full line of `=`, `<` in column 1 and `>` in column 32, the koperasi, the time.
 * If the printer cuts the right edge, the last digits of the ruler and the `>` are what go missing.
 */
export function testPageLines(koperasiName: string, title: string, printedAt: string): string[] {
  return [
    RULER,
    '='.repeat(PAPER_WIDTH),
    `<${' '.repeat(PAPER_WIDTH - 2)}>`,
    ...wrap(koperasiName.toUpperCase()).map(center),
    ...wrap(title.toUpperCase()).map(center),
    center(printedAt),
    `<${'-'.repeat(PAPER_WIDTH - 2)}>`,
    RULER,
  ];
}
