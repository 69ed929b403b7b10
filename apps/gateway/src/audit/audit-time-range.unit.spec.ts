import { timeRangeOf } from './audit-time-range.js';

describe('timeRangeOf', () => {
  it('reads bare days as WIB days, the to-day included whole', () => {
    expect(timeRangeOf('2026-03-01', '2026-03-31')).toEqual({
      from: '2026-02-28T17:00:00.000Z',
      to: '2026-03-31T17:00:00.000Z',
    });
  });

  it('takes date-times as given, to exclusive, and leaves out what is not asked', () => {
    expect(timeRangeOf('2026-03-01T08:00:00+07:00', undefined)).toEqual({
      from: '2026-03-01T01:00:00.000Z',
      to: null,
    });
    expect(timeRangeOf(undefined, '2026-03-01T08:00:00Z')).toEqual({
      from: null,
      to: '2026-03-01T08:00:00.000Z',
    });
  });

  it('refuses a range that ends before it starts with a 400 naming from', () => {
    expect(() => timeRangeOf('2026-03-02', '2026-03-01')).toThrow(
      expect.objectContaining({ status: 400 }),
    );
    expect(() => timeRangeOf('2026-03-01T10:00:00Z', '2026-03-01T10:00:00Z')).toThrow();
  });
});
