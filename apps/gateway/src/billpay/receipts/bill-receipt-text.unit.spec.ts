import { billReceiptHtml } from './bill-receipt-html.js';
import { RECEIPT_WIDTH } from '@koperasi/receipt-layout';
import { billReceiptLines, type PrintableBillReceipt } from './bill-receipt-text.js';

const plnToken: PrintableBillReceipt = {
  refId: 'KKMP0123456789ABCDEF01234567',
  partnerRef: 'TRX480213957712',
  productCode: 'PLN50',
  productName: 'PLN Token 50.000',
  productKind: 'PREPAID',
  biller: 'PLN',
  customerNo: '14012345678',
  customerName: 'BUDI SANTOSO',
  subscriberId: '523010012345',
  segmentPower: 'R1/1300VA',
  period: null,
  billAmountRp: 50_000,
  penaltyRp: 0,
  adminFeeRp: 2_500,
  totalAmountRp: 52_500,
  kwh: '33.6',
  serialNo: '12345678901234567890',
  token: '1234-5678-9012-3456-7890',
  paidAt: '2026-11-22T03:15:00.000Z',
  koperasiId: 'k-1',
  tellerId: 'u-1',
  koperasiName: 'KKMP Gedawang',
  tellerName: 'teller.gedawang',
};

const postpaidWithPenalty: PrintableBillReceipt = {
  ...plnToken,
  productCode: 'PLNPOST',
  productName: 'PLN Pascabayar',
  productKind: 'POSTPAID',
  customerNo: '512345678902',
  customerName: 'RUDI HARTONO',
  subscriberId: '512345678902',
  segmentPower: 'R1/900VA',
  period: '202610',
  billAmountRp: 250_000,
  penaltyRp: 5_000,
  totalAmountRp: 257_500,
  kwh: null,
  serialNo: '0123456789012345',
  token: null,
};

const pulsa: PrintableBillReceipt = {
  ...plnToken,
  productCode: 'TSEL10',
  productName: 'Telkomsel Pulsa 10.000',
  biller: 'TELKOMSEL',
  customerNo: '081234567890',
  customerName: null,
  subscriberId: null,
  segmentPower: null,
  billAmountRp: 10_000,
  adminFeeRp: 1_500,
  totalAmountRp: 11_500,
  kwh: null,
  serialNo: '0041002345678901',
  token: null,
};

function fitsThePaper(lines: string[]): void {
  for (const line of lines) expect(line.length).toBeLessThanOrEqual(RECEIPT_WIDTH);
  expect(lines.join('\n')).not.toMatch(/: $/m);
}

describe('bill receipt for a 58 mm printer', () => {
  it('given a PLN token payment, then meter, IDPEL, name, tariff/power, amount paid, kWh, admin, total and the token in five groups of four', () => {
    const lines = billReceiptLines(plnToken);
    fitsThePaper(lines);
    expect(lines).toEqual(
      expect.arrayContaining([
        'Tgl       : 22-11-2026 10:15 WIB',
        'No Meter  : 14012345678',
        'IDPEL     : 523010012345',
        'Nama      : BUDI SANTOSO',
        'Tarif/Daya: R1/1300VA',
        `Rp Bayar${'Rp50.000'.padStart(24)}`,
        `Jml kWh${'33,6'.padStart(25)}`,
        `Admin${'Rp2.500'.padStart(27)}`,
        `TOTAL${'Rp52.500'.padStart(27)}`,
        'Ref:',
        'KKMP0123456789ABCDEF01234567',
        'Ref Mitra : TRX480213957712',
      ]),
    );
    expect(lines.map((line) => line.trim())).toContain('1234-5678-9012-3456-7890');
    expect(lines.join('\n')).not.toContain('SN ');
  });

  it('given a postpaid bill paid late, then the penalty prints as Denda and the total includes it', () => {
    const lines = billReceiptLines(postpaidWithPenalty);
    fitsThePaper(lines);
    expect(lines).toEqual(
      expect.arrayContaining([
        'IDPEL     : 512345678902',
        'Nama      : RUDI HARTONO',
        'Tarif/Daya: R1/900VA',
        'Periode   : OKT 2026',
        `Tagihan${'Rp250.000'.padStart(25)}`,
        `Denda${'Rp5.000'.padStart(27)}`,
        `TOTAL${'Rp257.500'.padStart(27)}`,
        'SN        : 0123456789012345',
        'Ref Mitra : TRX480213957712',
      ]),
    );
    expect(lines.join('\n')).not.toContain('TOKEN');
    expect(lines.join('\n')).not.toContain('kWh');
  });

  it('given a bill paid on time, then no Denda line', () => {
    const lines = billReceiptLines({
      ...postpaidWithPenalty,
      penaltyRp: 0,
      totalAmountRp: 252_500,
      biller: 'PDAM',
      subscriberId: null,
      segmentPower: null,
    });
    expect(lines.join('\n')).not.toContain('Denda');
    expect(lines).toContain('No Pel    : 512345678902');
  });

  it('given telco credit, then the phone number, the product and the serial number', () => {
    const lines = billReceiptLines(pulsa);
    fitsThePaper(lines);
    expect(lines).toEqual(
      expect.arrayContaining([
        'Produk    : Telkomsel Pulsa',
        '            10.000',
        'No HP     : 081234567890',
        `Nominal${'Rp10.000'.padStart(25)}`,
        `TOTAL${'Rp11.500'.padStart(27)}`,
        'SN        : 0041002345678901',
        'Ref Mitra : TRX480213957712',
      ]),
    );
    expect(lines.join('\n')).not.toMatch(/Nama|IDPEL|Tarif|kWh/);
  });

  it('given a long customer name, then the name wraps in the value column', () => {
    const lines = billReceiptLines({
      ...postpaidWithPenalty,
      customerName: 'RADEN MAS SURYO ADIKUSUMO WIRYOHANDOYO NINGRAT',
    });
    fitsThePaper(lines);
    expect(lines).toEqual(
      expect.arrayContaining([
        'Nama      : RADEN MAS SURYO',
        '            ADIKUSUMO',
        '            WIRYOHANDOYO NINGRAT',
      ]),
    );
  });

  it('given a receipt from before the details (no kind, penalty, kWh, partner ref), then it prints what it has and no blanks', () => {
    const {
      partnerRef: _ref,
      productKind: _kind,
      biller: _biller,
      subscriberId: _id,
      segmentPower: _power,
      penaltyRp: _penalty,
      kwh: _kwh,
      ...legacy
    } = postpaidWithPenalty;
    const lines = billReceiptLines({ ...legacy, totalAmountRp: 252_500 });
    fitsThePaper(lines);
    expect(lines).toContain('No        : 512345678902');
    expect(lines).toContain('Periode   : OKT 2026');
    expect(lines.join('\n')).not.toMatch(/Denda|Ref Mitra|Tarif/);
    const token = billReceiptLines({ ...legacy, period: null, token: '1234-5678-9012-3456-7890' });
    expect(token).toContain('No Meter  : 512345678902');
    expect(token.join('\n')).not.toContain('kWh');
  });

  it('escapes what the HTML page prints', () => {
    const html = billReceiptHtml({ ...plnToken, customerName: '<script>x</script>' });
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('size: 58mm');
  });
});
