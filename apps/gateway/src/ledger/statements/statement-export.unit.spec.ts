import { statementCsv, statementHtml } from './statement-export.js';
import { generalLedgerTable } from './statement-table.js';
import type { GeneralLedgerResponse } from './statements.responses.js';

const ledger: GeneralLedgerResponse = {
  koperasiId: 'kop-1',
  from: '2026-03-01',
  to: '2026-03-31',
  code: '112100',
  name: 'Bank BRI',
  kind: 'asset',
  normalBalance: 'debit',
  opening: 0,
  totalDebit: 0,
  totalCredit: 1_250_000,
  closing: -1_250_000,
  lines: [
    {
      entryId: '7',
      occurredAt: '2026-03-02T03:00:00.000Z',
      bookedAt: '2026-03-02T03:00:00.000Z',
      description: '=HYPERLINK("x") <script>alert(1)</script>',
      sourceEventId: '0b7e5a4e-3f0e-4f4e-9a36-0f1f2b3c4d5e',
      eventType: 'DepositToppedUp',
      debit: 0,
      credit: 1_250_000,
      balance: -1_250_000,
    },
  ],
  truncated: false,
};
const header = { koperasiName: 'KKMP "Krapyak" & Co', printedAt: '2026-04-01T01:00:00.000Z' };

describe('statement exports', () => {
  it('given a description a spreadsheet would run, then the CSV keeps it text and the amounts plain integers', () => {
    const rows = statementCsv(generalLedgerTable(ledger), header).split('\r\n');
    expect(rows[0]).toBe('"KKMP ""Krapyak"" & Co"');
    expect(rows[3]).toBe('Waktu,Keterangan,Event sumber,Debit (Rp),Kredit (Rp),Saldo (Rp)');
    expect(rows[5]).toBe(
      `2026-03-02T03:00:00.000Z,"'=HYPERLINK(""x"") <script>alert(1)</script>",${ledger.lines[0].sourceEventId},0,1250000,-1250000`,
    );
  });

  it('given markup in a description, then the A4 page shows it as text and writes rupiah the Indonesian way', () => {
    const page = statementHtml(generalLedgerTable(ledger), header);
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;');
    expect(page).toContain('KKMP &quot;Krapyak&quot; &amp; Co');
    expect(page).toContain('<td class="amount">1.250.000</td><td class="amount">(1.250.000)</td>');
    expect(page).toContain('@page { size: A4;');
  });
});
