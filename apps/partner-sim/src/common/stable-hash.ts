import { createHash } from 'node:crypto';

/** A non-negative integer derived from a text, the same on every run: generated customers and loans stay put. */
export function stableHash(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

/** `length` decimal digits derived from a text, for tokens and serial numbers. */
export function stableDigits(text: string, length: number): string {
  const digest = createHash('sha256').update(text).digest();
  let digits = '';
  for (let i = 0; digits.length < length && i < digest.length; i++)
    digits += String(digest[i] % 10);
  return digits.padEnd(length, '0');
}
