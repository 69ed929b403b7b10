import { csvLine } from '@koperasi/service-kit';
import { receiptPagePolicy } from '../../receipts/receipt-page-policy.js';
import type { StatementTable } from './statement-table.js';

const STYLE = `
@page { size: A4; margin: 18mm 15mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #000; margin: 0; }
h1 { font-size: 14pt; margin: 0 0 2mm; }
p { margin: 0 0 1mm; }
table { width: 100%; border-collapse: collapse; margin-top: 5mm; }
th, td { padding: 1.2mm 2mm; border-bottom: 0.2mm solid #bbb; text-align: left; vertical-align: top; }
th { border-bottom: 0.4mm solid #000; }
td.amount, th.amount { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.heading td { font-weight: bold; padding-top: 3mm; }
tr.total td { font-weight: bold; border-top: 0.3mm solid #000; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
`;

/** The statements' printable pages may use their own stylesheet and nothing else. */
export const STATEMENT_PAGE_POLICY = receiptPagePolicy({ style: STYLE });

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export interface StatementHeader {
  koperasiName: string;
  printedAt: string;
}

/** RFC 4180 CSV with the title and period first; rupiah as plain integers, so a spreadsheet can add them. */
export function statementCsv(table: StatementTable, header: StatementHeader): string {
  return [
    csvLine([header.koperasiName]),
    csvLine([table.title]),
    csvLine([table.period]),
    csvLine(table.columns),
    ...table.rows.map((row) => csvLine(row.cells.map(spreadsheetSafe))),
  ].join('');
}

/** An A4 page to print or save as PDF: the koperasi, the statement, its period, one table. */
export function statementHtml(table: StatementTable, header: StatementHeader): string {
  const amountColumn = (index: number) =>
    index >= table.columns.length - (table.columns.length === 3 ? 1 : 3);
  const head = table.columns
    .map(
      (column, index) =>
        `<th${amountColumn(index) ? ' class="amount"' : ''}>${escapeHtml(column)}</th>`,
    )
    .join('');
  const body = table.rows
    .map((row) => {
      const cells = row.cells
        .map((cell, index) =>
          typeof cell === 'number' || amountColumn(index)
            ? `<td class="amount">${cell === null ? '' : rupiah(cell)}</td>`
            : `<td>${escapeHtml(cell ?? '')}</td>`,
        )
        .join('');
      return `<tr${row.emphasis ? ` class="${row.emphasis}"` : ''}>${cells}</tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>${escapeHtml(`${table.title} ${table.period}`)}</title>
<style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(header.koperasiName)}</h1>
<p><strong>${escapeHtml(table.title)}</strong></p>
<p>${escapeHtml(table.period)}</p>
<p>Dicetak ${escapeHtml(header.printedAt)}; ${escapeHtml(table.basis ?? 'disusun dari jurnal buku besar')}.</p>
<table><thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody></table>
</body></html>
`;
}

/** Rupiah as printed in Indonesia: dots for thousands, a minus in parentheses as accountants write it. */
function rupiah(amount: number | string): string {
  if (typeof amount === 'string') return escapeHtml(amount);
  const digits = Math.abs(amount)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return amount < 0 ? `(${digits})` : digits;
}

/** A text cell a spreadsheet would run as a formula (a name typed as =cmd...) is kept text with a leading quote. */
function spreadsheetSafe(cell: string | number | null): string | number | null {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}
