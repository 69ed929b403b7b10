import type { CashKind, CashDrawerStatus } from '@koperasi/contracts';
import {
  amountLines,
  centered,
  labelled,
  RECEIPT_RULE,
  rightAligned,
  wibDateTime,
  wrapped,
} from '@koperasi/receipt-layout';
import type { CashDrawerResponse } from './cash-drawer.responses.js';

const KIND_NAMES: Record<CashKind, string> = {
  'opening-float': 'Modal awal',
  simpanan: 'Simpanan',
  ppob: 'PPOB',
  angsuran: 'Angsuran',
  refund: 'Refund PPOB',
  other: 'Lain-lain',
};

const STATUS_LINES: Record<CashDrawerStatus, string> = {
  UNOPENED: 'Kasir belum dibuka',
  OPEN: 'Kasir masih buka',
  COUNTED: 'Menunggu persetujuan penyelia',
  CLOSED: 'Kasir ditutup',
};

/**
 * Rekap kasir harian for the 58 mm roll: the teller's day by kind (count, in, out), what the drawer should hold,
 * what was counted and the difference (selisih), the notes and coins, and who approved the closing.
 */
export function cashDrawerRecapLines(koperasiName: string, drawer: CashDrawerResponse): string[] {
  const [year, month, day] = drawer.businessDate.split('-');
  const lines = [
    ...wrapped(koperasiName.toUpperCase()).map(centered),
    centered('REKAP KASIR HARIAN'),
    RECEIPT_RULE,
    ...labelled('Tanggal', `${day}-${month}-${year}`),
    ...labelled('Kasir', drawer.tellerName),
    RECEIPT_RULE,
  ];
  for (const line of drawer.expected.lines) {
    lines.push(`${KIND_NAMES[line.kind]} (${line.count}x)`);
    if (line.in > 0) lines.push(...amountLines('  Masuk', line.in));
    if (line.out > 0) lines.push(...amountLines('  Keluar', -line.out));
  }
  if (drawer.expected.lines.length === 0) lines.push('Tidak ada transaksi tunai');
  lines.push(RECEIPT_RULE, ...amountLines('SEHARUSNYA', drawer.expected.total));
  if (drawer.counted !== null) lines.push(...amountLines('DIHITUNG', drawer.counted));
  if (drawer.difference !== null) {
    const label =
      drawer.difference === 0
        ? 'SELISIH'
        : drawer.difference < 0
          ? 'SELISIH KURANG'
          : 'SELISIH LEBIH';
    lines.push(...amountLines(label, Math.abs(drawer.difference)));
  }
  if (drawer.denominations.length > 0) {
    lines.push(RECEIPT_RULE, 'Rincian pecahan:');
    for (const note of drawer.denominations) {
      lines.push(
        ...rightAligned(
          `${note.value.toLocaleString('id-ID')} x ${note.count}`,
          `Rp${(note.value * note.count).toLocaleString('id-ID')}`,
        ),
      );
    }
  }
  lines.push(RECEIPT_RULE, centered(STATUS_LINES[drawer.status]));
  if (drawer.approverName !== null) lines.push(...labelled('Disetujui', drawer.approverName));
  if (drawer.closedAt !== null) lines.push(...labelled('Ditutup', wibDateTime(drawer.closedAt)));
  return lines;
}
