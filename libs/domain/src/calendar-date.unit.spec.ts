import { isCalendarDate, localDateOf } from './calendar-date.js';

describe('isCalendarDate', () => {
  it('knows month lengths and leap years', () => {
    expect(isCalendarDate(2024, 2, 29)).toBe(true);
    expect(isCalendarDate(2000, 2, 29)).toBe(true);
    expect(isCalendarDate(1900, 2, 29)).toBe(false);
    expect(isCalendarDate(2025, 2, 29)).toBe(false);
    expect(isCalendarDate(2025, 4, 31)).toBe(false);
    expect(isCalendarDate(2025, 12, 31)).toBe(true);
  });

  it('rejects out-of-range parts', () => {
    expect(isCalendarDate(2025, 0, 1)).toBe(false);
    expect(isCalendarDate(2025, 13, 1)).toBe(false);
    expect(isCalendarDate(2025, 1, 0)).toBe(false);
    expect(isCalendarDate(2025, 1.5, 1)).toBe(false);
  });
});

describe('localDateOf', () => {
  it('reads the date written next to the offset, not the UTC date', () => {
    expect(localDateOf('2025-08-01T06:30:00+07:00')).toBe('2025-08-01');
    expect(localDateOf('2025-07-31T23:30:00Z')).toBe('2025-07-31');
    expect(localDateOf('2025-07-31T23:30:00.123-03:00')).toBe('2025-07-31');
    expect(localDateOf('2025-07-31T23:30+09:00')).toBe('2025-07-31');
  });

  it.each([
    '2025-07-31',
    '2025-07-31T10:00:00',
    '2025-02-30T10:00:00Z',
    '2025-07-31T24:00:00Z',
    'yesterday',
  ])('refuses %s', (value) => {
    expect(localDateOf(value)).toBeNull();
  });
});
