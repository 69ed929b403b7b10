import { RECEIPT_WIDTH } from '@koperasi/receipt-layout';
import { savingsReceiptLines, type PrintableSavingsReceipt } from './savings-receipt-text.js';

const deposit: PrintableSavingsReceipt = {
  koperasiName: 'KKMP Gedawang',
  eventId: '0b6f2d0e-8f43-4a5e-9d64-1f7f0c2a9b11',
  kind: 'sukarela-deposit',
  amountRp: 150_000,
  occurredAt: '2026-11-22T03:15:42.000Z',
  memberNo: 'GDW-000012',
  memberName: 'Budi Santoso',
  periods: [],
  balanceAfterRp: 1_250_000,
  tellerName: 'Siti Rahmawati',
};

function expectFits(lines: string[]): void {
  for (const line of lines) {
    expect(line).not.toContain('\n');
    expect(line.length).toBeLessThanOrEqual(RECEIPT_WIDTH);
  }
}

describe('savings receipt (bukti setor / tarik simpanan) for a 58 mm printer', () => {
  it('given a sukarela deposit, then it prints koperasi, title, WIB time, our reference, member, kind, amount, balance and the teller by name', () => {
    const lines = savingsReceiptLines(deposit);
    expectFits(lines);
    expect(lines[0].trim()).toBe('KKMP GEDAWANG');
    expect(lines[1].trim()).toBe('BUKTI SETOR SIMPANAN');
    expect(lines).toContain('Tgl       : 22-11-2026 10:15 WIB');
    expect(lines).toContain('No.Agt    : GDW-000012');
    expect(lines).toContain('Nama      : Budi Santoso');
    expect(lines).toContain('Jenis     : Simpanan Sukarela');
    expect(lines).toContain(`JUMLAH SETOR${'Rp150.000'.padStart(20)}`);
    expect(lines).toContain(`Saldo${'Rp1.250.000'.padStart(27)}`);
    expect(lines).toContain('Kasir     : Siti Rahmawati');
    // The 36-character reference does not fit beside its label: it wraps beneath it, whole.
    expect(lines.join('').replace(/\s/g, '')).toContain(deposit.eventId);
  });

  it('given a withdrawal, then it is a bukti tarik with the amount taken out', () => {
    const lines = savingsReceiptLines({
      ...deposit,
      kind: 'sukarela-withdrawal',
      amountRp: 50_000,
      balanceAfterRp: 1_200_000,
    });
    expectFits(lines);
    expect(lines[1].trim()).toBe('BUKTI TARIK SIMPANAN');
    expect(lines).toContain(`JUMLAH TARIK${'Rp50.000'.padStart(20)}`);
  });

  it('given simpanan wajib for several months, then the months paid are listed and wrap within the width', () => {
    const periods = ['2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02'];
    const lines = savingsReceiptLines({
      ...deposit,
      kind: 'wajib',
      amountRp: 90_000,
      periods,
      balanceAfterRp: 180_000,
    });
    expectFits(lines);
    expect(lines).toContain('Jenis     : Simpanan Wajib');
    const text = lines.join(' ');
    for (const period of periods) expect(text).toContain(period);
  });

  it('given simpanan pokok without a known balance, then no balance line is printed', () => {
    const lines = savingsReceiptLines({
      ...deposit,
      kind: 'pokok',
      amountRp: 25_000,
      balanceAfterRp: null,
    });
    expectFits(lines);
    expect(lines).toContain('Jenis     : Simpanan Pokok');
    expect(lines.some((line) => line.startsWith('Saldo'))).toBe(false);
  });

  it('given a very long koperasi and member name and a huge amount, then nothing exceeds 32 characters and nothing is cut', () => {
    const lines = savingsReceiptLines({
      ...deposit,
      koperasiName: 'Koperasi Kelurahan Merah Putih Gedawang Banyumanik Kota Semarang',
      memberName: 'Raden Ayu Sri Wahyuningsih Kusumawardhani Prawirodirdjo',
      amountRp: 9_007_199_254_740_991,
      balanceAfterRp: 9_007_199_254_740_991,
      tellerName: "Maria Magdalena O'Connor-Situmorang",
    });
    expectFits(lines);
    const text = lines.join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('Raden Ayu Sri Wahyuningsih Kusumawardhani Prawirodirdjo');
    expect(text).toContain("Maria Magdalena O'Connor-Situmorang");
    expect(text).toContain('Rp9.007.199.254.740.991');
  });
});
