import { amountLines, centered, labelled, RECEIPT_RULE, wrapped } from '@koperasi/receipt-layout';
import type { DailyRecap, RecapPart } from './daily-recap.js';

/**
 * Rekap harian for the 58 mm roll: each teller's day per product and kind (count, in, out, fee), and in a
 * supervisor's recap the koperasi's total after them.
 */
export function dailyRecapLines(koperasiName: string, recap: DailyRecap): string[] {
  const [year, month, day] = recap.date.split('-');
  const lines = [
    ...wrapped(koperasiName.toUpperCase()).map(centered),
    centered(recap.koperasi ? 'REKAP HARIAN KOPERASI' : 'REKAP HARIAN KASIR'),
    RECEIPT_RULE,
    ...labelled('Tanggal', `${day}-${month}-${year}`),
  ];
  if (recap.truncated) lines.push(...wrapped('PERHATIAN: daftar hari ini terpotong, angka kurang'));
  for (const teller of recap.tellers) {
    lines.push(RECEIPT_RULE, ...labelled('Kasir', teller.tellerName), RECEIPT_RULE);
    lines.push(...partLines(teller));
  }
  if (recap.tellers.length === 0) lines.push(RECEIPT_RULE, 'Tidak ada transaksi');
  if (recap.koperasi) {
    lines.push(RECEIPT_RULE, centered('TOTAL KOPERASI'), RECEIPT_RULE);
    lines.push(...partLines(recap.koperasi));
  }
  return lines;
}

function partLines(part: RecapPart): string[] {
  const lines: string[] = [];
  for (const line of part.lines) {
    lines.push(...wrapped(`${line.productName} (${line.count}x)`));
    if (line.inRp > 0) lines.push(...amountLines('  Masuk', line.inRp));
    if (line.outRp > 0) lines.push(...amountLines('  Keluar', -line.outRp));
    if (line.feeRp !== 0) lines.push(...amountLines('  Fee', line.feeRp));
  }
  const { totals } = part;
  lines.push(
    ...amountLines(`JUMLAH (${totals.count}x) MASUK`, totals.inRp),
    ...amountLines('KELUAR', -totals.outRp),
    ...amountLines('BERSIH', totals.netRp),
    ...amountLines('FEE', totals.feeRp),
  );
  return lines;
}
