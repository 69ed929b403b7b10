import { formatRupiah, isPositiveRupiah } from './rupiah.js';

describe('isPositiveRupiah', () => {
  it.each([1, 25_000, Number.MAX_SAFE_INTEGER])('accepts %s', (value) => {
    expect(isPositiveRupiah(value)).toBe(true);
  });

  it.each([
    0,
    -1,
    1.5,
    Number.MAX_SAFE_INTEGER + 1,
    Number.NaN,
    Infinity,
    '25000',
    null,
    undefined,
  ])('refuses %s', (value) => {
    expect(isPositiveRupiah(value)).toBe(false);
  });
});

describe('formatRupiah', () => {
  it.each([
    [0, 'Rp0'],
    [700, 'Rp700'],
    [25_000, 'Rp25.000'],
    [448_000_000, 'Rp448.000.000'],
    [-15_000, '-Rp15.000'],
  ])('writes %s as %s', (amountRp, text) => {
    expect(formatRupiah(amountRp)).toBe(text);
  });
});
