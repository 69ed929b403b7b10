import {
  compareYearMonths,
  isYearMonth,
  monthsFromTo,
  nextYearMonth,
  addYearMonths,
} from './year-month.js';

describe('year-month', () => {
  it.each(['2025-01', '2025-12', '1999-07'])('accepts %s', (value) => {
    expect(isYearMonth(value)).toBe(true);
  });

  it.each(['2025-13', '2025-00', '2025-1', '25-01', '2025/01', '2025-01-01', ''])(
    'rejects %s',
    (value) => {
      expect(isYearMonth(value)).toBe(false);
    },
  );

  it('compares in calendar order', () => {
    expect(compareYearMonths('2025-02', '2025-10')).toBeLessThan(0);
    expect(compareYearMonths('2026-01', '2025-12')).toBeGreaterThan(0);
    expect(compareYearMonths('2025-07', '2025-07')).toBe(0);
  });

  it('steps over the year end', () => {
    expect(nextYearMonth('2025-12')).toBe('2026-01');
    expect(nextYearMonth('2025-09')).toBe('2025-10');
    expect(addYearMonths('2026-01', -1)).toBe('2025-12');
    expect(addYearMonths('2025-11', -14)).toBe('2024-09');
    expect(addYearMonths('2025-11', 2)).toBe('2026-01');
  });

  it('lists months inclusively across a year end', () => {
    expect(monthsFromTo('2025-11', '2026-02')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(monthsFromTo('2025-07', '2025-07')).toEqual(['2025-07']);
  });

  it('lists nothing when the end is before the start', () => {
    expect(monthsFromTo('2025-08', '2025-07')).toEqual([]);
  });

  it('throws on a malformed month, which only a programming error can pass', () => {
    expect(() => compareYearMonths('2025-7', '2025-08')).toThrow(RangeError);
    expect(() => monthsFromTo('2025-07', 'later')).toThrow(RangeError);
  });
});
