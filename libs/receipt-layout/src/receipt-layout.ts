import { formatRupiah } from '@koperasi/domain';

/**
 * The receipt (struk) layout every receipt shares, on the gateway and in the counter app's printer test: a
 * 58 mm thermal printer prints 32 characters of its monospace font a line.
 */
export const RECEIPT_WIDTH = 32;
export const RECEIPT_RULE = '-'.repeat(RECEIPT_WIDTH);
/** Labels are padded to this, so values line up: `Tarif/Daya: R1/1300VA`. */
const LABEL_WIDTH = 10;
const WIB_OFFSET_MS = 7 * 3600 * 1000;

export function centered(text: string): string {
  const clipped = text.slice(0, RECEIPT_WIDTH);
  return ' '.repeat(Math.floor((RECEIPT_WIDTH - clipped.length) / 2)) + clipped;
}

/** Breaks at spaces where it can, and inside a word (an id, a long name) where it must. */
export function wrapped(text: string, width = RECEIPT_WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (rest.length > width) {
      if (line) lines.push(line);
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
      line = '';
    }
    if (!line) line = rest;
    else if (line.length + 1 + rest.length <= width) line += ` ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** `Label     : value`; words too long for one line wrap in the value column, one long word (a ref) beneath the label. */
export function labelled(label: string, value: string): string[] {
  const prefix = `${label.padEnd(LABEL_WIDTH)}: `;
  if (prefix.length + value.length <= RECEIPT_WIDTH) return [prefix + value];
  const valueWidth = RECEIPT_WIDTH - prefix.length;
  if (value.split(/\s+/).every((word) => word.length <= valueWidth)) {
    return wrapped(value, valueWidth).map(
      (line, index) => (index === 0 ? prefix : ' '.repeat(prefix.length)) + line,
    );
  }
  return [`${label}:`, ...wrapped(value)];
}

/** Label left, value right; on two lines when both do not fit on one. */
export function rightAligned(label: string, value: string): string[] {
  if (label.length + 1 + value.length <= RECEIPT_WIDTH)
    return [label + value.padStart(RECEIPT_WIDTH - label.length)];
  return [label.slice(0, RECEIPT_WIDTH), value.padStart(RECEIPT_WIDTH).slice(-RECEIPT_WIDTH)];
}

export function amountLines(label: string, amountRp: number): string[] {
  return rightAligned(label, formatRupiah(amountRp));
}

/** `22-11-2026 10:15 WIB`: the counter's own clock, whatever zone the server runs in. */
export function wibDateTime(iso: string): string {
  const wib = new Date(Date.parse(iso) + WIB_OFFSET_MS).toISOString();
  return `${wib.slice(8, 10)}-${wib.slice(5, 7)}-${wib.slice(0, 4)} ${wib.slice(11, 16)} WIB`;
}

/** A line wider than the paper would be cut by the printer: refuse to hand such a receipt out. */
export function assertFitsPaper(lines: readonly string[], what: string): void {
  const tooWide = lines.find((line) => line.length > RECEIPT_WIDTH);
  if (tooWide !== undefined)
    throw new Error(`${what} has a line wider than ${RECEIPT_WIDTH}: ${JSON.stringify(tooWide)}`);
}
