import type { CollectionView, PaymentView, SavingsMovementView } from '@koperasi/contracts';
import { centered, RECEIPT_WIDTH } from '@koperasi/receipt-layout';
import { dailyRecapLines } from './daily-recap-text.js';
import { buildDailyRecap, type RecapSources } from './daily-recap.js';

const SITI = 'teller-siti';
const AGUS = 'teller-agus';

function movement(kind: SavingsMovementView['kind'], amountRp: number, tellerId: string) {
  return { kind, amountRp, tellerId } as SavingsMovementView;
}

function payment(status: PaymentView['status'], totalAmountRp: number, priceRp: number | null) {
  return {
    status,
    productCode: 'PLN20',
    totalAmountRp,
    priceRp,
    tellerId: SITI,
    receipt: status === 'SUCCESS' ? { productName: 'PLN Token 20.000' } : null,
  } as PaymentView;
}

function sources(overrides: Partial<RecapSources> = {}): RecapSources {
  return {
    date: '2026-11-22',
    movements: [
      movement('wajib', 15_000, SITI),
      movement('pokok', 25_000, SITI),
      movement('sukarela-withdrawal', 30_000, SITI),
      movement('wajib', 30_000, AGUS),
    ],
    payments: [
      payment('SUCCESS', 22_500, 20_300),
      payment('PENDING', 22_500, null),
      payment('FAILED', 22_500, null),
    ],
    collections: [
      { product: 'KUR', amountRp: 1_000_000, feeRp: 2_500, tellerId: AGUS } as CollectionView,
    ],
    drawers: new Map([
      [
        SITI,
        {
          lines: [{ kind: 'refund', count: 1, inRp: 0, outRp: 22_500 }],
          expectedRp: -22_500,
        },
      ],
    ]),
    names: new Map([
      [SITI, 'Siti Aminah'],
      [AGUS, 'Agus Salim'],
    ]),
    truncated: false,
    withKoperasi: true,
    ...overrides,
  };
}

describe('daily recap', () => {
  it('given a mixed day of two tellers, then each teller has count, in, out and fee per product, and the koperasi the sums', () => {
    const recap = buildDailyRecap(sources());
    expect(recap.tellers.map((teller) => teller.tellerName)).toEqual(['Agus Salim', 'Siti Aminah']);
    const siti = recap.tellers[1];
    expect(siti.lines).toEqual([
      {
        kind: 'simpanan',
        product: 'pokok',
        productName: 'Simpanan pokok',
        count: 1,
        inRp: 25_000,
        outRp: 0,
        feeRp: 0,
      },
      {
        kind: 'simpanan',
        product: 'wajib',
        productName: 'Simpanan wajib',
        count: 1,
        inRp: 15_000,
        outRp: 0,
        feeRp: 0,
      },
      {
        kind: 'simpanan',
        product: 'sukarela-withdrawal',
        productName: 'Simpanan sukarela tarik',
        count: 1,
        inRp: 0,
        outRp: 30_000,
        feeRp: 0,
      },
      {
        kind: 'ppob',
        product: 'PLN20',
        productName: 'PLN Token 20.000',
        count: 2,
        inRp: 45_000,
        outRp: 0,
        feeRp: 2_200,
      },
      {
        kind: 'ppob-gagal',
        product: 'PPOB',
        productName: 'PPOB gagal, dana pelanggan',
        count: 1,
        inRp: 22_500,
        outRp: 0,
        feeRp: 0,
      },
      {
        kind: 'refund',
        product: 'refund',
        productName: 'Refund dibayar tunai',
        count: 1,
        inRp: 0,
        outRp: 22_500,
        feeRp: 0,
      },
    ]);
    expect(siti.totals).toEqual({
      count: 7,
      inRp: 107_500,
      outRp: 52_500,
      feeRp: 2_200,
      netRp: 55_000,
    });
    expect(recap.koperasi?.totals).toEqual({
      count: 9,
      inRp: 1_137_500,
      outRp: 52_500,
      feeRp: 4_700,
      netRp: 1_085_000,
    });
    expect(recap.koperasi?.lines.find((line) => line.product === 'wajib')).toMatchObject({
      count: 2,
      inRp: 45_000,
    });
  });

  it("given a teller's own recap, then it has no koperasi total", () => {
    expect(buildDailyRecap(sources({ withKoperasi: false })).koperasi).toBeNull();
  });

  it('given the recap on the 58 mm roll, then no line is wider than 32 characters and the totals are printed', () => {
    const lines = dailyRecapLines('KKMP Bendan Kergon Kota Pekalongan', buildDailyRecap(sources()));
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(RECEIPT_WIDTH);
    expect(lines).toContain(centered('TOTAL KOPERASI'));
    expect(lines).toContain('BERSIH               Rp1.085.000');
    expect(lines).toContain('  Fee                    Rp2.200');
  });
});
