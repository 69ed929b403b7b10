import { isPositiveRupiah } from './rupiah.js';

describe('isPositiveRupiah', () => {
  it.each([1, 25_000, Number.MAX_SAFE_INTEGER])('accepts %s', (value) => {
    expect(isPositiveRupiah(value)).toBe(true);
  });

  it.each([0, -1, 1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN, Infinity, '25000', null, undefined])(
    'refuses %s',
    (value) => {
      expect(isPositiveRupiah(value)).toBe(false);
    },
  );
});
