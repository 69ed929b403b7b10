import type { StatementName } from './statements.query.js';
import type {
  FinancialStatementsResponse,
  GeneralLedgerResponse,
  FinancialStatementSectionResponse,
} from './statements.responses.js';

export interface StatementRow {
  cells: (string | number | null)[];
  /** A section heading or a total, set apart on the printed page. */
  emphasis?: 'heading' | 'total';
}

/** A statement laid out once, so the CSV and the printed page always show the same figures. */
export interface StatementTable {
  title: string;
  period: string;
  /** What the figures come from, printed under the title; the journal when left out. */
  basis?: string;
  columns: string[];
  rows: StatementRow[];
}

const ACTIVITY_NAMES = {
  operating: 'Arus kas dari aktivitas operasi',
  investing: 'Arus kas dari aktivitas investasi',
  financing: 'Arus kas dari aktivitas pendanaan',
};

export function statementTable(
  name: StatementName,
  statements: FinancialStatementsResponse,
): StatementTable {
  const range = `${statements.from} s.d. ${statements.to}`;
  switch (name) {
    case 'posisi-keuangan': {
      const position = statements.financialPosition;
      return {
        title: 'Laporan Posisi Keuangan',
        period: `Per ${statements.to}`,
        columns: ['Kode', 'Akun', 'Jumlah (Rp)'],
        rows: [
          ...section('Aset', position.assets, 'Jumlah aset'),
          ...section('Liabilitas', position.liabilities, 'Jumlah liabilitas'),
          ...section('Ekuitas', position.equity, 'Jumlah ekuitas'),
          {
            cells: ['', 'Jumlah liabilitas dan ekuitas', position.liabilitiesAndEquity],
            emphasis: 'total',
          },
        ],
      };
    }
    case 'hasil-usaha': {
      const result = statements.operatingResult;
      return {
        title: 'Laporan Hasil Usaha',
        period: range,
        columns: ['Kode', 'Akun', 'Jumlah (Rp)'],
        rows: [
          ...section(
            'Pendapatan dari anggota (partisipasi anggota)',
            result.memberIncome,
            'Jumlah pendapatan dari anggota',
          ),
          ...section(
            'Pendapatan dari non-anggota',
            result.nonMemberIncome,
            'Jumlah pendapatan dari non-anggota',
          ),
          { cells: ['', 'Jumlah pendapatan', result.totalIncome], emphasis: 'total' },
          ...section('Beban', result.expenses, 'Jumlah beban'),
          { cells: ['', 'Sisa hasil usaha', result.surplus], emphasis: 'total' },
        ],
      };
    }
    case 'perubahan-ekuitas': {
      const changes = statements.equityChanges;
      return {
        title: 'Laporan Perubahan Ekuitas',
        period: range,
        columns: [
          'Kode',
          'Komponen ekuitas',
          'Saldo awal (Rp)',
          'Perubahan (Rp)',
          'Saldo akhir (Rp)',
        ],
        rows: [
          ...changes.rows.map((row) => ({
            cells: [row.code ?? '', row.name, row.opening, row.change, row.closing],
          })),
          {
            cells: [
              '',
              'Jumlah ekuitas',
              changes.opening,
              changes.closing - changes.opening,
              changes.closing,
            ],
            emphasis: 'total',
          },
          { cells: ['', 'dari sisa hasil usaha', null, changes.surplus, null] },
          { cells: ['', 'dari simpanan anggota dan lainnya', null, changes.otherChanges, null] },
        ],
      };
    }
    case 'arus-kas': {
      const flows = statements.cashFlows;
      return {
        title: 'Laporan Arus Kas (metode langsung)',
        period: range,
        columns: ['Kode', 'Uraian', 'Penerimaan (Rp)', 'Pengeluaran (Rp)', 'Bersih (Rp)'],
        rows: [
          {
            cells: ['', 'Kas dan setara kas awal periode', null, null, flows.openingCash],
            emphasis: 'total',
          },
          ...flows.activities.flatMap((activity) => [
            {
              cells: ['', ACTIVITY_NAMES[activity.activity], null, null, null],
              emphasis: 'heading' as const,
            },
            ...activity.lines.map((line) => ({
              cells: [
                line.code,
                line.name,
                line.receipts,
                line.payments,
                line.receipts - line.payments,
              ],
            })),
            {
              cells: [
                '',
                `Kas bersih ${ACTIVITY_NAMES[activity.activity].slice('Arus kas '.length)}`,
                null,
                null,
                activity.net,
              ],
              emphasis: 'total' as const,
            },
          ]),
          {
            cells: ['', 'Kenaikan (penurunan) kas bersih', null, null, flows.netChange],
            emphasis: 'total',
          },
          {
            cells: ['', 'Kas dan setara kas akhir periode', null, null, flows.closingCash],
            emphasis: 'total',
          },
        ],
      };
    }
  }
}

export function generalLedgerTable(ledger: GeneralLedgerResponse): StatementTable {
  return {
    title: `Buku Besar ${ledger.code} ${ledger.name}`,
    period: `${ledger.from} s.d. ${ledger.to}`,
    columns: ['Waktu', 'Keterangan', 'Event sumber', 'Debit (Rp)', 'Kredit (Rp)', 'Saldo (Rp)'],
    rows: [
      { cells: ['', 'Saldo awal', '', null, null, ledger.opening], emphasis: 'total' },
      ...ledger.lines.map((line) => ({
        cells: [
          line.bookedAt,
          describe(line),
          line.sourceEventId,
          line.debit,
          line.credit,
          line.balance,
        ],
      })),
      ...(ledger.truncated
        ? [
            {
              cells: [
                '',
                'Entri lain pada periode ini tidak ditampilkan; pilih periode yang lebih pendek',
                '',
                null,
                null,
                null,
              ],
            },
          ]
        : []),
      {
        cells: ['', 'Jumlah mutasi', '', ledger.totalDebit, ledger.totalCredit, null],
        emphasis: 'total',
      },
      { cells: ['', 'Saldo akhir', '', null, null, ledger.closing], emphasis: 'total' },
    ],
  };
}

/** An entry late for a closed month says the date it belongs to. */
function describe(line: GeneralLedgerResponse['lines'][number]): string {
  return line.bookedAt === line.occurredAt
    ? line.description
    : `${line.description} (milik ${line.occurredAt}; bulannya sudah ditutup)`;
}

function section(
  heading: string,
  figures: FinancialStatementSectionResponse,
  totalName: string,
): StatementRow[] {
  return [
    { cells: ['', heading, null], emphasis: 'heading' },
    ...figures.lines.map((line) => ({ cells: [line.code ?? '', line.name, line.amount] })),
    { cells: ['', totalName, figures.total], emphasis: 'total' },
  ];
}
