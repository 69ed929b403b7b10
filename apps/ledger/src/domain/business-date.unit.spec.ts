import { businessDateWib, isCalendarDate } from './business-date.js';

describe('businessDateWib', () => {
  it('gives the calendar day at UTC+7', () => {
    expect(businessDateWib('2025-07-21T16:59:59Z')).toBe('2025-07-21');
    expect(businessDateWib('2025-07-21T17:00:00Z')).toBe('2025-07-22');
    expect(businessDateWib('2025-07-22T00:10:00+07:00')).toBe('2025-07-22');
  });

  it('refuses what is not a time', () => {
    expect(() => businessDateWib('yesterday')).toThrow(/not a point in time/);
  });
});

describe('isCalendarDate', () => {
  it('accepts real days only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-7-01')).toBe(false);
  });
});
