import { isWithinWibWindow, parseWibWindow } from './aggregator-faults.js';

const minute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

describe('PLN cut-off window', () => {
  it('Given the default 23:00-01:00 window, When times around midnight are checked, Then start is inside and end is outside', () => {
    const window = parseWibWindow('23:00-01:00');
    expect(
      ['22:59', '23:00', '23:59', '00:00', '00:59', '01:00', '12:00'].map((t) =>
        isWithinWibWindow(window, minute(t)),
      ),
    ).toEqual([false, true, true, true, true, false, false]);
  });

  it('Given a window within one day or none, When checked, Then only its minutes are inside', () => {
    const window = parseWibWindow('10:00-10:30');
    expect([
      isWithinWibWindow(window, minute('10:15')),
      isWithinWibWindow(window, minute('10:30')),
    ]).toEqual([true, false]);
    expect(isWithinWibWindow(parseWibWindow('off'), minute('23:30'))).toBe(false);
    expect(() => parseWibWindow('25:00-01:00')).toThrow();
  });
});
