import { billReceiptHtml } from './bill-receipt-html.js';
import { RECEIPT_WIDTH, billReceiptLines, type PrintableBillReceipt } from './bill-receipt-text.js';

const plnToken: PrintableBillReceipt = {
  refId: 'KKMP0123456789ABCDEF01234567',
  productCode: 'PLN20',
  productName: 'PLN Token 20.000',
  customerNo: '14012345678',
  customerName: 'BUDI SANTOSO',
  period: null,
  billAmountRp: 20_000,
  adminFeeRp: 2_500,
  totalAmountRp: 22_500,
  serialNo: '12345678901234567890',
  token: '1234-5678-9012-3456-7890',
  paidAt: '2026-11-22T03:15:00.000Z',
  koperasiId: 'k-1',
  tellerId: 'u-1',
  koperasiName: 'KKMP Gedawang',
  tellerName: 'teller.gedawang',
};

describe('bill receipt for a 58 mm printer', () => {
  it('given a PLN token payment, then every line fits 32 columns and the token prints as five groups of four', () => {
    const lines = billReceiptLines(plnToken);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(RECEIPT_WIDTH);
    expect(lines.map((line) => line.trim())).toContain('1234-5678-9012-3456-7890');
    expect(lines).toContain('Ref:');
    expect(lines).toContain('KKMP0123456789ABCDEF01234567');
    expect(lines).toContain(`TOTAL${'Rp22.500'.padStart(27)}`);
    expect(lines).toContain('Tgl   : 22-11-2026 10:15 WIB');
  });

  it('given a postpaid bill with a long customer name, then the name wraps and the period shows', () => {
    const lines = billReceiptLines({
      ...plnToken,
      productName: 'PLN Pascabayar',
      customerName: 'RADEN MAS SURYO ADIKUSUMO WIRYOHANDOYO NINGRAT',
      period: '202611',
      token: null,
      serialNo: '1234567890123456',
    });
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(RECEIPT_WIDTH);
    expect(lines).toContain('Periode: 202611');
    expect(lines).toContain('SN    : 1234567890123456');
    expect(lines.join('\n')).not.toContain('TOKEN');
  });

  it('escapes what the HTML page prints', () => {
    const html = billReceiptHtml({ ...plnToken, customerName: '<script>x</script>' });
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('size: 58mm');
  });
});
