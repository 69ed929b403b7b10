import { describe as describeProgress, formatCount } from './progress-bar.js';

describe('audit progress bar', () => {
  it('given half the events done in 10 s, then the line shows the bar, the rate and the time left', () => {
    const line = describeProgress(
      { phase: 'replay from the event stores', done: 500_000, total: 1_000_000, unit: 'events' },
      10,
    );
    expect(line).toBe(
      'replay from the event stores [############............]  50% 500,000/1,000,000 events, 50,000 events/s, ETA 10s',
    );
  });

  it('given no total yet, then only the count and the rate', () => {
    expect(
      describeProgress({ phase: 'export events', done: 1234, total: null, unit: 'rows' }, 2),
    ).toBe('export events: 1,234 rows, 617 rows/s');
  });

  it('given a long run left, then the ETA is in minutes', () => {
    expect(
      describeProgress({ phase: 'verify', done: 1_000, total: 100_000, unit: 'events' }, 1),
    ).toContain('ETA 1m39s');
    expect(formatCount(1_000_000)).toBe('1,000,000');
  });
});
