import type { BillReceipt } from '@koperasi/contracts';
import { formatRupiah } from '@koperasi/domain';

/** A 58 mm thermal printer prints 32 characters of its monospace font per line. */
export const RECEIPT_WIDTH = 32;

export interface PrintableBillReceipt extends BillReceipt {
  koperasiName: string;
  tellerName: string;
}

const RULE = '-'.repeat(RECEIPT_WIDTH);
const WIB_OFFSET_MS = 7 * 3600 * 1000;

/** The struk as lines of at most 32 characters: header, what was paid, amounts, the token, who served. */
export function billReceiptLines(receipt: PrintableBillReceipt): string[] {
  const lines = [
    ...wrap(receipt.koperasiName.toUpperCase()).map(center),
    center('STRUK PEMBAYARAN PPOB'),
    RULE,
    ...field('Tgl', wibTime(receipt.paidAt)),
    ...field('Ref', receipt.refId),
    ...field('Produk', receipt.productName),
    ...field('No', receipt.customerNo),
    ...(receipt.customerName ? field('Nama', receipt.customerName) : []),
    ...(receipt.period ? field('Periode', receipt.period) : []),
    RULE,
    amount(receipt.period ? 'Tagihan' : 'Nominal', receipt.billAmountRp),
    amount('Admin', receipt.adminFeeRp),
    amount('TOTAL', receipt.totalAmountRp),
    RULE,
  ];
  if (receipt.token) lines.push(center('TOKEN LISTRIK'), center(receipt.token), RULE);
  else if (receipt.serialNo) lines.push(...field('SN', receipt.serialNo), RULE);
  lines.push(...field('Kasir', receipt.tellerName), center('Terima kasih'), center('Simpan struk ini sebagai bukti'));
  return lines;
}

function field(label: string, value: string): string[] {
  const prefix = `${label.padEnd(6)}: `;
  if (prefix.length + value.length <= RECEIPT_WIDTH) return [prefix + value];
  // Too long for one line (a ref_id, a long name): the label alone, the value wrapped beneath it.
  return [`${label}:`, ...wrap(value)];
}

function amount(label: string, amountRp: number): string {
  const value = formatRupiah(amountRp);
  return label + value.padStart(RECEIPT_WIDTH - label.length);
}

function center(text: string): string {
  const clipped = text.slice(0, RECEIPT_WIDTH);
  return ' '.repeat(Math.floor((RECEIPT_WIDTH - clipped.length) / 2)) + clipped;
}

/** Breaks at spaces where it can, else hard at the width. */
function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (rest.length > RECEIPT_WIDTH) {
      if (line) lines.push(line);
      lines.push(rest.slice(0, RECEIPT_WIDTH));
      rest = rest.slice(RECEIPT_WIDTH);
      line = '';
    }
    if (!line) line = rest;
    else if (line.length + 1 + rest.length <= RECEIPT_WIDTH) line += ` ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** `22-11-2026 10:15 WIB`: the counter's own clock. */
function wibTime(iso: string): string {
  const wib = new Date(Date.parse(iso) + WIB_OFFSET_MS).toISOString();
  return `${wib.slice(8, 10)}-${wib.slice(5, 7)}-${wib.slice(0, 4)} ${wib.slice(11, 16)} WIB`;
}
