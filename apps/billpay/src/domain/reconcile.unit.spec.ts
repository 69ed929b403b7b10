import type { AggregatorStatementLine } from '@koperasi/contracts';
import { reconcile, type OurMovement } from './reconcile.js';

const AT = '2026-03-02T03:00:00.000Z';
const line = (
  type: AggregatorStatementLine['type'],
  ref: string,
  amountRp: number,
): AggregatorStatementLine => ({
  ref_id: ref,
  type,
  amount_rp: amountRp,
  balance_after_rp: 0,
  at: AT,
});

describe('reconcile: our deposit movements against the aggregator statement', () => {
  const ours: OurMovement[] = [
    { ref: 'BRI-GDW-1', kind: 'TOPUP', netRp: 1_000_000, status: null },
    { ref: 'pay-1', kind: 'PAYMENT', netRp: -20_150, status: 'SUCCESS' },
  ];

  it('given another koperasi on the same account topping up and paying, then neither is our difference nor our movement', () => {
    const statement = [
      line('TOPUP', 'BRI-GDW-1', 1_000_000),
      line('TOPUP', 'BRI-TGS-1', 500_000),
      line('DEBIT', 'pay-1', 20_150),
      line('DEBIT', 'pay-tgs', 50_150),
    ];
    const others = new Set(['TOPUP:BRI-TGS-1', 'PAYMENT:pay-tgs']);
    const result = reconcile(ours, statement, (kind, ref) => others.has(`${kind}:${ref}`));
    expect(result).toEqual({ differences: [], matched: 2, theirMovementRp: 1_000_000 - 20_150 });
  });

  it('given a top-up line nobody recorded, then it is missing on our side and counted in their movement', () => {
    const statement = [
      line('TOPUP', 'BRI-GDW-1', 1_000_000),
      line('DEBIT', 'pay-1', 20_150),
      line('TOPUP', 'BRI-UNKNOWN', 5_000),
    ];
    const result = reconcile(ours, statement, () => false);
    expect(result.differences).toEqual([
      {
        kind: 'MISSING_ON_OUR_SIDE',
        ref: 'BRI-UNKNOWN',
        oursRp: null,
        theirsRp: 5_000,
        ourStatus: null,
      },
    ]);
    expect(result.theirMovementRp).toBe(1_000_000 - 20_150 + 5_000);
  });

  it('given a debit whose ref reads like one of our top-ups, then it is not taken for the top-up', () => {
    const statement = [
      line('TOPUP', 'BRI-GDW-1', 1_000_000),
      line('DEBIT', 'pay-1', 20_150),
      line('DEBIT', 'BRI-GDW-1', 1_000),
    ];
    const result = reconcile(ours, statement, () => false);
    expect(result.differences).toEqual([
      {
        kind: 'MISSING_ON_OUR_SIDE',
        ref: 'BRI-GDW-1',
        oursRp: null,
        theirsRp: -1_000,
        ourStatus: null,
      },
    ]);
  });

  it('given a failed pending payment (debit then refund), then their net of zero matches our nothing booked', () => {
    const failed: OurMovement[] = [{ ref: 'pay-2', kind: 'PAYMENT', netRp: 0, status: 'FAILED' }];
    const result = reconcile(
      failed,
      [line('DEBIT', 'pay-2', 20_150), line('REFUND', 'pay-2', 20_150)],
      () => false,
    );
    expect(result).toEqual({ differences: [], matched: 1, theirMovementRp: 0 });
  });
});
