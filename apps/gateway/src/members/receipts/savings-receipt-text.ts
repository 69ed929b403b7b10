import { formatRupiah } from '@koperasi/domain';

/** A 58 mm thermal printer prints 32 characters of its monospace font per line. */
export const RECEIPT_WIDTH = 32;

export type SavingsReceiptKind = 'pokok' | 'wajib' | 'sukarela-deposit' | 'sukarela-withdrawal';

export interface PrintableSavingsReceipt {
  koperasiName: string;
  /** Our reference: the event that recorded the movement. */
  eventId: string;
  kind: SavingsReceiptKind;
  /** Positive, both ways. */
  amountRp: number;
  /** ISO instant; printed in WIB. */
  occurredAt: string;
  memberNo: string;
  memberName: string;
  /** simpanan wajib: the months paid, YYYY-MM. */
  periods: string[];
  /** The member's balance of this kind of savings right after the movement, when known. */
  balanceAfterRp: number | null;
  tellerName: string;
}

const RULE = '-'.repeat(RECEIPT_WIDTH);
const WIB_OFFSET_MS = 7 * 3600 * 1000;

const KIND_NAMES: Record<SavingsReceiptKind, string> = {
  pokok: 'Simpanan Pokok',
  wajib: 'Simpanan Wajib',
  'sukarela-deposit': 'Simpanan Sukarela',
  'sukarela-withdrawal': 'Simpanan Sukarela',
};

/**
 * Bukti setor / bukti tarik simpanan as the printer's lines: koperasi, title, time (WIB), our reference, the
 * member, the kind (with the months for wajib), the amount, the balance after, and the teller. Every line is at
 * most RECEIPT_WIDTH characters; long values wrap instead of being cut.
 */
export function savingsReceiptLines(receipt: PrintableSavingsReceipt): string[] {
  const withdrawal = receipt.kind === 'sukarela-withdrawal';
  const lines = [
    ...wrap(receipt.koperasiName.toUpperCase()).map(center),
    center(withdrawal ? 'BUKTI TARIK SIMPANAN' : 'BUKTI SETOR SIMPANAN'),
    RULE,
    ...field('Tgl', wibTime(receipt.occurredAt)),
    ...field('Ref', receipt.eventId),
    ...field('No.Agt', receipt.memberNo),
    ...field('Nama', receipt.memberName),
    ...field('Jenis', KIND_NAMES[receipt.kind]),
  ];
  if (receipt.kind === 'wajib' && receipt.periods.length > 0) lines.push(...field('Bulan', receipt.periods.join(', ')));
  lines.push(RULE, ...amount(withdrawal ? 'JUMLAH TARIK' : 'JUMLAH SETOR', receipt.amountRp));
  if (receipt.balanceAfterRp !== null) lines.push(...amount('Saldo', receipt.balanceAfterRp));
  lines.push(
    RULE,
    ...field('Kasir', receipt.tellerName),
    ...wrap(withdrawal ? 'Uang telah diterima anggota.' : 'Terima kasih atas setoran Anda.').map(center),
    center('Simpan bukti ini'),
  );
  return lines;
}

/** `Label : value`, the value wrapped beneath the label when it does not fit beside it. */
function field(label: string, value: string): string[] {
  const prefix = `${label.padEnd(6)}: `;
  if (prefix.length + value.length <= RECEIPT_WIDTH) return [prefix + value];
  return [`${label}:`, ...wrap(value)];
}

/** Label left, amount right; on two lines when both do not fit on one. */
function amount(label: string, amountRp: number): string[] {
  const value = formatRupiah(amountRp);
  if (label.length + 1 + value.length <= RECEIPT_WIDTH) return [label + value.padStart(RECEIPT_WIDTH - label.length)];
  return [label.slice(0, RECEIPT_WIDTH), value.padStart(RECEIPT_WIDTH).slice(-RECEIPT_WIDTH)];
}

function center(text: string): string {
  const clipped = text.slice(0, RECEIPT_WIDTH);
  return ' '.repeat(Math.floor((RECEIPT_WIDTH - clipped.length) / 2)) + clipped;
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

/** `22-11-2026 10:15 WIB`. */
export function wibTime(iso: string): string {
  const wib = new Date(Date.parse(iso) + WIB_OFFSET_MS).toISOString();
  return `${wib.slice(8, 10)}-${wib.slice(5, 7)}-${wib.slice(0, 4)} ${wib.slice(11, 16)} WIB`;
}
