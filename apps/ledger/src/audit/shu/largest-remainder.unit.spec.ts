import { allocateByLargestRemainder } from './largest-remainder.js';

describe('allocateByLargestRemainder', () => {
  it('given 100 rupiah over three equal weights, then 34, 33, 33: the extra rupiah to the lowest rank', () => {
    const shares = allocateByLargestRemainder(100, [
      { key: 'c', weight: 1, rank: '3' },
      { key: 'a', weight: 1, rank: '1' },
      { key: 'b', weight: 1, rank: '2' },
    ]);
    expect(Object.fromEntries(shares)).toEqual({ a: 34, b: 33, c: 33 });
  });

  it('given remainders that differ, then the largest remainder gets the rupiah whatever the rank', () => {
    // Exact shares 10 x 1/6 = 1.67 and 10 x 5/6 = 8.33: the 0.67 remainder wins.
    const shares = allocateByLargestRemainder(10, [
      { key: 'big', weight: 5, rank: '1' },
      { key: 'small', weight: 1, rank: '2' },
    ]);
    expect(Object.fromEntries(shares)).toEqual({ big: 8, small: 2 });
  });

  it('given a city-sized amount and weights whose products pass 2^53, then the shares are exact and add up', () => {
    const weights = [9_007_199_254_740, 3_333_333_333_333, 1, 777_777_777_777];
    const totalRp = 8_999_999_999_999;
    const shares = allocateByLargestRemainder(
      totalRp,
      weights.map((weight, index) => ({ key: index, weight, rank: String(index) })),
    );
    const sum = [...shares.values()].reduce((a, b) => a + b, 0);
    expect(sum).toBe(totalRp);
    const totalWeight = weights.reduce((a, b) => a + BigInt(b), 0n);
    weights.forEach((weight, index) => {
      const floor = Number((BigInt(totalRp) * BigInt(weight)) / totalWeight);
      expect(shares.get(index)! - floor).toBeGreaterThanOrEqual(0);
      expect(shares.get(index)! - floor).toBeLessThanOrEqual(1);
    });
  });

  it('given no weight at all, then nobody gets anything rather than a division by zero', () => {
    expect(
      Object.fromEntries(allocateByLargestRemainder(500, [{ key: 'x', weight: 0, rank: '1' }])),
    ).toEqual({ x: 0 });
  });

  it('given a fractional or negative amount, then it refuses', () => {
    expect(() => allocateByLargestRemainder(10.5, [])).toThrow('not whole rupiah');
    expect(() => allocateByLargestRemainder(10, [{ key: 'x', weight: -1, rank: '1' }])).toThrow(
      'not whole',
    );
  });
});
