import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it('gives reordered objects the same text', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: 'x' } })).toBe(
      canonicalJson({ a: { c: 'x', d: [2, { y: 2, z: 1 }] }, b: 1 }),
    );
  });

  it('refuses numbers JSON cannot hold', () => {
    expect(() => canonicalJson({ amountRp: Number.NaN })).toThrow(/no JSON form/);
  });
});
