import { checkAgreement, DEFAULT_AGREEMENTS, describeFee, feeFor } from './collection-agreement.js';

describe('collection agreement', () => {
  it.each([
    [1_000_000, 50, 5_000],
    [100_099, 50, 500], // 500,495 rounds down
    [100_100, 50, 501], // 500,5 rounds up
    [1, 50, 0],
    [3, 1_000, 0], // 0,3
    [5, 1_000, 1], // 0,5
  ])('a percentage fee on Rp%i at %i bp is Rp%i (half up)', (amountRp, basisPoints, expectedRp) => {
    expect(feeFor({ kind: 'PERCENT', basisPoints }, amountRp)).toBe(expectedRp);
  });

  it('computes a percentage of an amount whose product with the rate passes 2^53 exactly', () => {
    expect(feeFor({ kind: 'PERCENT', basisPoints: 50 }, 9_000_000_000_000_000)).toBe(
      45_000_000_000_000,
    );
  });

  it('refuses agreements nobody could have meant, and accepts the defaults', () => {
    expect(checkAgreement(DEFAULT_AGREEMENTS.KUR)).toBeNull();
    expect(checkAgreement(DEFAULT_AGREEMENTS.KUPEDES)).toBeNull();
    expect(
      checkAgreement({ ...DEFAULT_AGREEMENTS.KUR, fee: { kind: 'FIXED', feeRp: -1 } })?.code,
    ).toBe('INVALID_AGREEMENT');
    expect(
      checkAgreement({ ...DEFAULT_AGREEMENTS.KUR, fee: { kind: 'PERCENT', basisPoints: 1_001 } })
        ?.code,
    ).toBe('INVALID_AGREEMENT');
    expect(
      checkAgreement({ ...DEFAULT_AGREEMENTS.KUR, fee: { kind: 'PERCENT', basisPoints: 2.5 } })
        ?.code,
    ).toBe('INVALID_AGREEMENT');
    expect(checkAgreement({ ...DEFAULT_AGREEMENTS.KUR, feeMode: 'LATER' as never })?.code).toBe(
      'INVALID_AGREEMENT',
    );
  });

  it('describes fees for receipts', () => {
    expect(describeFee({ kind: 'FIXED', feeRp: 2_500 })).toBe('Rp2.500 per installment');
    expect(describeFee({ kind: 'PERCENT', basisPoints: 50 })).toBe(
      '0.50% of the amount, rounded half up to whole rupiah',
    );
  });
});
