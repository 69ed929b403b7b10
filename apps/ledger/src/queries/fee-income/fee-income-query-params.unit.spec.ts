import { parseFeeIncomeParams, wibDayRange } from './fee-income-query-params.js';

describe('parseFeeIncomeParams', () => {
  it('given two days and no grouping, then it groups by product', () => {
    expect(parseFeeIncomeParams({ from: '2025-07-01', to: '2025-07-31' })).toEqual({
      ok: true,
      params: { from: '2025-07-01', to: '2025-07-31', groupBy: 'product' },
    });
  });

  it('given a single day grouped by day, then it is accepted', () => {
    expect(
      parseFeeIncomeParams({ from: '2025-07-21', to: '2025-07-21', groupBy: 'day' }),
    ).toMatchObject({ ok: true, params: { groupBy: 'day' } });
  });

  it('given a whole leap year, then it is accepted, and a day more is refused naming the span', () => {
    expect(parseFeeIncomeParams({ from: '2024-01-01', to: '2024-12-31' }).ok).toBe(true);
    expect(parseFeeIncomeParams({ from: '2024-01-01', to: '2025-01-01' })).toEqual({
      ok: false,
      details: [
        {
          field: 'to',
          problems: ['from 2024-01-01 to 2025-01-01 is 367 days; ask for at most 366'],
        },
      ],
    });
  });

  it.each([
    [{ to: '2025-07-31' }, 'from', /from is required/],
    [{ from: '2025-07-01', to: '' }, 'to', /to is required/],
    [{ from: '2025-02-30', to: '2025-07-31' }, 'from', /2025-02-30 is not a day/],
    [{ from: '01/07/2025', to: '2025-07-31' }, 'from', /is not a day/],
    [
      { from: '2025-07-01', to: '2025-07-31', groupBy: 'month' },
      'groupBy',
      /product or day, not month/,
    ],
    [{ from: '2025-08-01', to: '2025-07-31' }, 'to', /before from/],
  ])('given %o, then %s is refused', (query, field, problem) => {
    const parsed = parseFeeIncomeParams(query);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.details).toEqual([{ field, problems: [expect.stringMatching(problem)] }]);
  });

  it('given several bad fields, then each is named', () => {
    const parsed = parseFeeIncomeParams({ groupBy: 'week' });
    expect(parsed.ok ? [] : parsed.details.map((problem) => problem.field)).toEqual([
      'from',
      'to',
      'groupBy',
    ]);
  });
});

describe('wibDayRange', () => {
  it('runs from midnight WIB of the first day to midnight WIB after the last', () => {
    const { start, end } = wibDayRange('2025-07-01', '2025-07-31');
    expect([start.toISOString(), end.toISOString()]).toEqual([
      '2025-06-30T17:00:00.000Z',
      '2025-07-31T17:00:00.000Z',
    ]);
  });
});
