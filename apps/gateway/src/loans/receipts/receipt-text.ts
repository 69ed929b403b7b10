import { formatRupiah } from '@koperasi/domain';

/** A 58 mm thermal printer prints 32 characters of its standard font on a line. */
export const RECEIPT_WIDTH = 32;

export interface PrintableReceipt {
  koperasiName: string;
  collectionId: string;
  loanNo: string;
  borrowerName: string;
  product: string;
  period: string;
  amountRp: number;
  feeRp: number;
  feeMode: 'BANK_PAYS' | 'NETTED';
  /** ISO 8601 in WIB, e.g. 2026-11-20T16:05:09+07:00. */
  collectedAt: string;
  tellerName: string;
  /** The bank's reference for the collection, once the bank acknowledged it. */
  bankRef?: string | null;
}

const RULE = '-'.repeat(RECEIPT_WIDTH);

/**
 * The receipt (struk) as the printer's lines, in Indonesian as the counter hands it over: every line at most
 * RECEIPT_WIDTH characters, long values wrapped rather than cut, amounts right-aligned.
 */
export function receiptLines(receipt: PrintableReceipt): string[] {
  const [date, time] = receipt.collectedAt.slice(0, 19).split('T');
  const [year, month, day] = date.split('-');
  return [
    ...wrap(receipt.koperasiName.toUpperCase()).map(center),
    center('BUKTI SETORAN ANGSURAN'),
    center(`PINJAMAN ${receipt.product} BRI`),
    RULE,
    ...field('Waktu', `${day}-${month}-${year} ${time} WIB`),
    ...field('No. Ref', receipt.collectionId),
    ...(receipt.bankRef ? field('Ref Bank', receipt.bankRef) : []),
    ...field('No. Rek', receipt.loanNo),
    ...field('Nama', receipt.borrowerName),
    ...field('Periode', receipt.period),
    RULE,
    amountLine('JUMLAH SETOR', receipt.amountRp),
    RULE,
    amountLine('Fee koperasi', receipt.feeRp),
    ...wrap(receipt.feeMode === 'BANK_PAYS' ? 'Fee dibayar oleh bank' : 'Fee dipotong saat setor ke bank'),
    ...field('Teller', receipt.tellerName),
    RULE,
    ...wrap('Uang diterima untuk disetor ke bank. Simpan struk ini sebagai bukti.').map(center),
  ];
}

/** `Label   : value`, the value wrapped under itself when it does not fit. */
function field(label: string, value: string): string[] {
  const prefix = `${label.padEnd(7)}: `;
  const room = RECEIPT_WIDTH - prefix.length;
  if (value.length <= room) return [`${prefix}${value}`];
  return [`${label}:`, ...wrap(value)];
}

function amountLine(label: string, amountRp: number): string {
  const amount = formatRupiah(amountRp);
  const gap = Math.max(1, RECEIPT_WIDTH - label.length - amount.length);
  const line = `${label}${' '.repeat(gap)}${amount}`;
  return line.length <= RECEIPT_WIDTH ? line : `${label}\n${amount.padStart(RECEIPT_WIDTH)}`;
}

function center(line: string): string {
  return `${' '.repeat(Math.floor((RECEIPT_WIDTH - line.length) / 2))}${line}`;
}

/** Breaks at spaces where it can, and inside a word (an id, a long name) where it must. */
function wrap(text: string): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (rest.length > 0) {
      const joined = current ? `${current} ${rest}` : rest;
      if (joined.length <= RECEIPT_WIDTH) {
        current = joined;
        rest = '';
      } else if (current) {
        lines.push(current);
        current = '';
      } else {
        lines.push(rest.slice(0, RECEIPT_WIDTH));
        rest = rest.slice(RECEIPT_WIDTH);
      }
    }
  }
  if (current) lines.push(current);
  return lines;
}
