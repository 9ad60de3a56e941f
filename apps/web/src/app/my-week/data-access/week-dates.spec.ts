import { addDays, datesOf, isoWeekNumber, longGermanDate, weekLabel, weekOf } from './week-dates';

describe('week dates', () => {
  it('finds Monday to Sunday, also across a year end and the change to summer time', () => {
    expect(weekOf('2026-11-25')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(weekOf('2027-01-01')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(datesOf(weekOf('2027-03-28'))).toEqual([
      '2027-03-22',
      '2027-03-23',
      '2027-03-24',
      '2027-03-25',
      '2027-03-26',
      '2027-03-27',
      '2027-03-28',
    ]);
    expect(addDays('2027-03-27', 2)).toBe('2027-03-29');
  });

  it('numbers weeks as ISO 8601 does', () => {
    expect(isoWeekNumber('2026-11-23')).toBe(48);
    expect(isoWeekNumber('2026-12-28')).toBe(53);
    expect(isoWeekNumber('2027-01-04')).toBe(1);
  });

  it('writes dates in German', () => {
    expect(longGermanDate('2026-11-23')).toBe('Montag, 23. November 2026');
    expect(weekLabel(weekOf('2026-11-23'))).toBe('Woche 48: 23. November 2026 bis 29. November 2026');
  });
});
