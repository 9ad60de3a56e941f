import {
  addDays,
  addMonths,
  formatGermanMonth,
  formatGermanRange,
  formatLongGermanDate,
  isoWeekday,
  monthOf,
  weekOf,
} from './team-dates';

describe('team dates', () => {
  it('adds days across the end of summer time and the end of the year', () => {
    // Jest runs in America/New_York: the arithmetic must not depend on the zone.
    expect(addDays('2026-10-24', 1)).toBe('2026-10-25');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('finds Monday to Sunday of a week, also when it spans two months', () => {
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(weekOf('2026-11-23')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(weekOf('2026-11-29')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(weekOf('2026-10-28')).toEqual({ from: '2026-10-26', to: '2026-11-01' });
  });

  it('finds the whole month and moves by months without skipping short ones', () => {
    expect(monthOf('2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-12-01', 1)).toBe('2027-01-01');
    expect(addMonths('2026-01-01', -1)).toBe('2025-12-01');
  });

  it('writes dates and ranges in German', () => {
    expect(formatLongGermanDate('2026-11-24')).toBe('Dienstag, 24. November 2026');
    expect(formatGermanRange({ from: '2026-11-23', to: '2026-11-29' })).toBe('23. bis 29. November 2026');
    expect(formatGermanRange({ from: '2026-11-30', to: '2026-12-06' })).toBe('30. November bis 6. Dezember 2026');
    expect(formatGermanRange({ from: '2026-12-28', to: '2027-01-03' })).toBe('28. Dezember 2026 bis 3. Januar 2027');
    expect(formatGermanMonth('2026-11-24')).toBe('November 2026');
  });
});
