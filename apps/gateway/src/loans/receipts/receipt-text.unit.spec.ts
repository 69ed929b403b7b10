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
    const lines = receiptLines({
      ...receipt,
      borrowerName: 'RADEN AYU SRI WAHYUNINGSIH KUSUMAWARDHANI',
    });
    for (const line of lines.flatMap((each) => each.split('\n')))
      expect(line.length).toBeLessThanOrEqual(RECEIPT_WIDTH);
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

  it('given a collection that paid two months in arrears, the denda and the current month, then it prints each part above the total', () => {
    const lines = receiptLines({
      ...receipt,
      period: '2026-11',
      allocation: {
        arrearsRp: 1_500_000,
        arrearsPeriods: ['2026-09', '2026-10'],
        penaltyRp: 45_000,
        currentRp: 750_000,
        currentPeriod: '2026-11',
        aheadRp: 0,
      },
    });
    const total = lines.indexOf('JUMLAH SETOR         Rp2.295.000');
    expect(lines.slice(total - 4, total + 1)).toEqual([
      'Tunggakan 2 bln      Rp1.500.000',
      '  2026-09, 2026-10',
      'Denda                   Rp45.000',
      'Angsuran 2026-11       Rp750.000',
      'JUMLAH SETOR         Rp2.295.000',
    ]);
    expect(lines.join('\n')).not.toContain('Bayar di muka');
  });

  it('given a payment beyond the current installment, then the rest prints as paid ahead, and a long run of months wraps within the paper', () => {
    const lines = receiptLines({
      ...receipt,
      amountRp: 9_000_000,
      allocation: {
        arrearsRp: 6_000_000,
        arrearsPeriods: [
          '2026-01',
          '2026-02',
          '2026-03',
          '2026-04',
          '2026-05',
          '2026-06',
          '2026-07',
          '2026-08',
        ],
        penaltyRp: 0,
        currentRp: 750_000,
        currentPeriod: '2026-09',
        aheadRp: 2_250_000,
      },
    });
    expect(lines).toContain('Tunggakan 8 bln      Rp6.000.000');
    expect(lines).toContain('Bayar di muka        Rp2.250.000');
    expect(lines).not.toContain('Denda                         Rp0');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(RECEIPT_WIDTH);
    expect(lines.filter((line) => line.startsWith('  2026-'))).toEqual([
      '  2026-01, 2026-02, 2026-03,',
      '  2026-04, 2026-05, 2026-06,',
      '  2026-07, 2026-08',
    ]);
  });

  it('given a collection recorded before the split was kept, then it prints the total alone as before', () => {
    for (const allocation of [undefined, null]) {
      const lines = receiptLines({ ...receipt, allocation });
      expect(lines.some((line) => /^(Tunggakan|Denda|Angsuran|Bayar di muka)/.test(line))).toBe(
        false,
      );
      expect(lines).toContain('JUMLAH SETOR         Rp2.295.000');
    }
  });

  it('escapes what it prints into HTML', () => {
    const html = receiptHtml({ ...receipt, borrowerName: '<script>alert(1)</script>' });
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('size: 58mm auto');
  });
});
