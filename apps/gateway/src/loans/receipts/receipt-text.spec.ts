import { receiptHtml } from './receipt-html.js';
import { RECEIPT_WIDTH } from '@koperasi/receipt-layout';
import { receiptLines, type PrintableReceipt } from './receipt-text.js';

const receipt: PrintableReceipt = {
  koperasiName: 'KKMP Gedawang',
  collectionId: '0b6f2d0e-8f43-4a5e-9d64-1f7f0c2a9b11',
  loanNo: '000101000002002',
  borrowerName: 'SRI WAHYUNI',
  product: 'KUPEDES',
  period: '2026-09',
  amountRp: 2_295_000,
  feeRp: 11_475,
  feeMode: 'NETTED',
  collectedAt: '2026-11-20T16:05:09+07:00',
  tellerName: 'teller.gedawang',
};

describe('installment receipt for a 58 mm printer', () => {
  it('given a receipt with a 36-character reference and a long name, then no line is wider than 32 characters and nothing is cut', () => {
    const lines = receiptLines({ ...receipt, borrowerName: 'RADEN AYU SRI WAHYUNINGSIH KUSUMAWARDHANI' });
    for (const line of lines.flatMap((each) => each.split('\n'))) expect(line.length).toBeLessThanOrEqual(RECEIPT_WIDTH);
    const text = lines.join('');
    expect(text).toContain('0b6f2d0e-8f43-4a5e-9d64-1f7f0c2a9b11'.slice(0, 32));
    expect(text.replace(/\s/g, '')).toContain('0b6f2d0e-8f43-4a5e-9d64-1f7f0c2a9b11');
    expect(text.replace(/\s/g, '')).toContain('RADENAYUSRIWAHYUNINGSIHKUSUMAWARDHANI');
  });

  it('shows the loan, borrower, period, amount, fee and who settles it, time and teller', () => {
    const lines = receiptLines(receipt);
    expect(lines).toContain('JUMLAH SETOR         Rp2.295.000');
    expect(lines).toContain('Fee koperasi            Rp11.475');
    expect(lines).toContain('Fee dipotong saat setor ke bank');
    expect(lines).toContain('Waktu     : 20-11-2026 16:05 WIB');
    expect(lines).toContain('No. Rek   : 000101000002002');
    expect(lines).toContain('Nama      : SRI WAHYUNI');
    expect(lines).toContain('Periode   : 2026-09');
    expect(lines).toContain('Teller    : teller.gedawang');
  });

  it('escapes what it prints into HTML', () => {
    const html = receiptHtml({ ...receipt, borrowerName: '<script>alert(1)</script>' });
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('size: 58mm auto');
  });
});
