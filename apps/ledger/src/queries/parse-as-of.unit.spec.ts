import { parseAsOf } from './parse-as-of.js';

describe('parseAsOf', () => {
  it('reads an instant with its zone', () => {
    expect(parseAsOf('2025-07-31T23:59:59+07:00')?.toISOString()).toBe('2025-07-31T16:59:59.000Z');
    expect(parseAsOf('2025-07-31T16:59:59.123Z')?.toISOString()).toBe('2025-07-31T16:59:59.123Z');
    expect(parseAsOf('2025-07-31T23:59:59+0700')?.toISOString()).toBe('2025-07-31T16:59:59.000Z');
  });

  it('reads a + that a query string turned into a space', () => {
    expect(parseAsOf('2025-07-31T23:59:59 07:00')?.toISOString()).toBe('2025-07-31T16:59:59.000Z');
  });

  it('takes a bare date as the end of that day in WIB, and a time without zone as WIB', () => {
    expect(parseAsOf('2025-07-31')?.toISOString()).toBe('2025-07-31T16:59:59.999Z');
    expect(parseAsOf('2025-07-31T08:00')?.toISOString()).toBe('2025-07-31T01:00:00.000Z');
  });

  it('refuses anything else', () => {
    for (const text of ['yesterday', '2025-13-01', '2025-02-30T10:00:00Z', '31/07/2025', ''])
      expect(parseAsOf(text)).toBeNull();
  });
});
