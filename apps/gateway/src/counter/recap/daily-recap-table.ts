import type { StatementRow, StatementTable } from '../../ledger/statements/statement-table.js';
import type { DailyRecap, RecapPart } from './daily-recap.js';

/** The recap laid out once for the A4 page and the CSV, like the statements: a section per teller, then the total. */
export function dailyRecapTable(recap: DailyRecap): StatementTable {
  const [year, month, day] = recap.date.split('-');
  const rows: StatementRow[] = [];
  for (const teller of recap.tellers)
    rows.push(...section(`Kasir: ${teller.tellerName}`, teller, 'Jumlah kasir'));
  if (recap.koperasi) rows.push(...section('Total koperasi', recap.koperasi, 'Jumlah koperasi'));
  return {
    title: recap.koperasi ? 'Rekap Harian Koperasi' : 'Rekap Harian Kasir',
    period: `Tanggal ${day}-${month}-${year}${recap.truncated ? ' (daftar terpotong: angka kurang)' : ''}`,
    basis: 'disusun dari transaksi loket dan kas laci yang dibukukan',
    columns: ['Produk', 'Transaksi', 'Masuk (Rp)', 'Keluar (Rp)', 'Fee (Rp)'],
    rows,
  };
}

function section(heading: string, part: RecapPart, totalName: string): StatementRow[] {
  return [
    { cells: [heading, null, null, null, null], emphasis: 'heading' },
    ...part.lines.map((line) => ({
      cells: [line.productName, line.count, line.inRp, line.outRp, line.feeRp],
    })),
    {
      cells: [totalName, part.totals.count, part.totals.inRp, part.totals.outRp, part.totals.feeRp],
      emphasis: 'total' as const,
    },
  ];
}
