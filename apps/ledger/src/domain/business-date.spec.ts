import { businessDateWib } from './business-date.js';

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
