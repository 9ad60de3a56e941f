import fc from 'fast-check';

import { type CivilDate, type Weekday } from './civil-date.js';
import {
  addUtilisation,
  checkUtilisationRange,
  defaultUtilisationRange,
  deskDaysText,
  groupUtilisation,
  holidaysInRange,
  MAX_UTILISATION_RANGE_DAYS,
  NO_UTILISATION,
  officeClock,
  peakWeekdays,
  percentText,
  rate,
  scaledRatio,
  sumUtilisation,
  type UtilisationCounts,
  utilisationFigures,
} from './utilisation.js';

const counts = (overrides: Partial<UtilisationCounts>): UtilisationCounts => ({ ...NO_UTILISATION, ...overrides });
const day = (weekday: Weekday, availableDeskDays: number, bookedHalfDays: number) => ({
  weekday,
  counts: counts({ availableDeskDays, bookedHalfDays }),
});

describe('scaledRatio and rate', () => {
  it('rounds half up, exactly, in per mille', () => {
    expect(scaledRatio(1, 3)).toBe(333);
    expect(scaledRatio(2, 3)).toBe(667);
    // 1/8 = 0.125 exactly: half up gives 125; 1/16 = 0.0625 → 62.5 ‰ → 63.
    expect(scaledRatio(1, 8)).toBe(125);
    expect(scaledRatio(1, 16)).toBe(63);
    // 0.0005 would round down as a binary fraction (0.000499…) in naive code.
    expect(scaledRatio(1, 2000)).toBe(1);
    expect(rate(23, 40)).toBe(0.575);
    expect(rate(0, 7)).toBe(0);
    expect(rate(7, 7)).toBe(1);
  });

  it('is null when there is nothing to divide by', () => {
    expect(rate(0, 0)).toBeNull();
    expect(scaledRatio(3, 0)).toBeNull();
  });

  it('refuses what is not a count', () => {
    expect(() => scaledRatio(0.5, 2)).toThrow(RangeError);
    expect(() => scaledRatio(-1, 2)).toThrow(RangeError);
  });

  it('is within half a step of the exact ratio and never outside 0..1 for part ≤ whole', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.nat(), (whole, seed) => {
        const part = seed % (whole + 1);
        const scaled = scaledRatio(part, whole) as number;
        expect(scaled).toBeGreaterThanOrEqual(0);
        expect(scaled).toBeLessThanOrEqual(1000);
        expect(Math.abs(scaled - (part * 1000) / whole)).toBeLessThanOrEqual(0.5);
      }),
    );
  });
});

describe('utilisationFigures', () => {
  it('counts a half-day booking as half a desk-day and gives the three rates', () => {
    const figures = utilisationFigures({
      availableDeskDays: 8,
      bookedHalfDays: 9,
      dueBookings: 6,
      checkedIn: 4,
      noShows: 1,
    });
    expect(figures).toEqual({
      availableDeskDays: 8,
      bookedDeskDays: 4.5,
      utilisationRate: 0.563,
      dueBookings: 6,
      checkedIn: 4,
      checkInRate: 0.667,
      noShows: 1,
      noShowRate: 0.167,
    });
  });

  it('has no rates where nothing was available or due', () => {
    expect(utilisationFigures(NO_UTILISATION)).toMatchObject({
      utilisationRate: null,
      checkInRate: null,
      noShowRate: null,
    });
  });
});

describe('sums', () => {
  it('adds counts field by field; the empty sum is zero', () => {
    const a = counts({ availableDeskDays: 3, bookedHalfDays: 1, dueBookings: 1, checkedIn: 1 });
    const b = counts({ availableDeskDays: 2, bookedHalfDays: 4, dueBookings: 2, noShows: 2 });
    expect(addUtilisation(a, b)).toEqual({
      availableDeskDays: 5,
      bookedHalfDays: 5,
      dueBookings: 3,
      checkedIn: 1,
      noShows: 2,
    });
    expect(sumUtilisation([])).toEqual(NO_UTILISATION);
    expect(sumUtilisation([a, b, a])).toEqual(addUtilisation(addUtilisation(a, b), a));
  });

  it('groups rows by a key, in the order keys first appear, and the groups add up to the whole', () => {
    const rows = [
      { area: 'EG', weekday: 2, ...counts({ availableDeskDays: 2, bookedHalfDays: 1 }) },
      { area: 'OG', weekday: 1, ...counts({ availableDeskDays: 4 }) },
      { area: 'EG', weekday: 1, ...counts({ availableDeskDays: 2, bookedHalfDays: 2 }) },
    ];
    const byArea = groupUtilisation(rows, (row) => row.area);
    expect([...byArea.keys()]).toEqual(['EG', 'OG']);
    expect(byArea.get('EG')).toEqual(counts({ availableDeskDays: 4, bookedHalfDays: 3 }));
    expect(sumUtilisation(byArea.values())).toEqual(sumUtilisation(rows));
  });
});

describe('peakWeekdays', () => {
  it('is the weekday with the highest utilisation, compared exactly', () => {
    // 10/15 and 20/30 are equal (0.666…); 7/10 is higher than both.
    expect(peakWeekdays([day(1, 15, 10), day(2, 30, 20), day(3, 10, 7)])).toEqual([3]);
    // 333/1000 against 1/3: rounded both 0.333, but 1/3 is higher.
    expect(peakWeekdays([day(1, 500, 333), day(2, 3, 2)])).toEqual([2]);
  });

  it('names every weekday of a tie, Monday first', () => {
    expect(peakWeekdays([day(4, 10, 10), day(2, 4, 4), day(1, 6, 3)])).toEqual([2, 4]);
  });

  it('has no peak without bookings or without available desk-days', () => {
    expect(peakWeekdays([])).toEqual([]);
    expect(peakWeekdays([day(1, 10, 0), day(6, 0, 0)])).toEqual([]);
  });

  it('every peak has the maximum rate and no other weekday reaches it', () => {
    const weekday = fc.constantFrom<Weekday>(1, 2, 3, 4, 5, 6, 7);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ weekday, available: fc.nat(50), booked: fc.nat(100) }), {
          selector: (entry) => entry.weekday,
        }),
        (entries) => {
          const days = entries.map((entry) =>
            day(entry.weekday, entry.available, Math.min(entry.booked, 2 * entry.available)),
          );
          const peaks = peakWeekdays(days);
          const ratio = (d: (typeof days)[number]) => d.counts.bookedHalfDays / d.counts.availableDeskDays;
          const eligible = days.filter((d) => d.counts.availableDeskDays > 0 && d.counts.bookedHalfDays > 0);
          if (eligible.length === 0) return expect(peaks).toEqual([]);
          const max = Math.max(...eligible.map(ratio));
          expect(peaks).toEqual(
            eligible
              .filter((d) => Math.abs(ratio(d) - max) < 1e-12)
              .map((d) => d.weekday)
              .sort((a, b) => a - b),
          );
        },
      ),
    );
  });
});

describe('checkUtilisationRange', () => {
  it('accepts one day up to a year, both ends included', () => {
    expect(checkUtilisationRange('2026-03-02', '2026-03-02')).toEqual({
      ok: true,
      from: '2026-03-02',
      to: '2026-03-02',
      days: 1,
    });
    expect(checkUtilisationRange('2028-01-01', '2028-12-31')).toMatchObject({ ok: true, days: 366 });
    expect(MAX_UTILISATION_RANGE_DAYS).toBe(366);
  });

  it('refuses malformed, reversed and too long ranges, saying which', () => {
    expect(checkUtilisationRange('2026-02-30', '2026-03-01')).toEqual({ ok: false, reason: 'MALFORMED_FROM' });
    expect(checkUtilisationRange('2026-03-01', '1.4.2026')).toEqual({ ok: false, reason: 'MALFORMED_TO' });
    expect(checkUtilisationRange('2026-03-02', '2026-03-01')).toEqual({ ok: false, reason: 'REVERSED' });
    expect(checkUtilisationRange('2026-01-01', '2027-01-02')).toEqual({ ok: false, reason: 'TOO_LONG' });
  });

  it('counts days across a daylight-saving change as calendar days', () => {
    // Summer time began on 29 March 2026: the week around it still has seven days.
    expect(checkUtilisationRange('2026-03-25', '2026-03-31')).toMatchObject({ ok: true, days: 7 });
  });
});

describe('defaultUtilisationRange', () => {
  it('is the 28 days before today', () => {
    expect(defaultUtilisationRange('2026-11-23' as CivilDate)).toEqual({ from: '2026-10-26', to: '2026-11-22' });
  });
});

describe('holidaysInRange', () => {
  it('lists the Land-wide holidays of each Land in the range, across a new year', () => {
    const { lands, dates } = holidaysInRange('2025-12-24' as CivilDate, '2026-01-06' as CivilDate, ['BY', 'NW']);
    const pairs = lands.map((land, index) => `${land} ${dates[index]}`);
    expect(pairs).toEqual([
      'BY 2025-12-25',
      'BY 2025-12-26',
      'BY 2026-01-01',
      'BY 2026-01-06',
      'NW 2025-12-25',
      'NW 2025-12-26',
      'NW 2026-01-01',
    ]);
  });

  it('covers all sixteen Länder by default', () => {
    const { lands } = holidaysInRange('2026-10-03' as CivilDate, '2026-10-03' as CivilDate);
    expect(new Set(lands).size).toBe(16);
  });
});

describe('officeClock', () => {
  it('is the civil date and wall-clock time in Europe/Berlin, whatever the machine zone', () => {
    // 23:30 UTC on 28 March 2026 is 00:30 on 29 March in Berlin (winter time, UTC+1) …
    expect(officeClock(new Date('2026-03-28T23:30:00Z'))).toEqual({ today: '2026-03-29', time: '00:30:00' });
    // … and at 09:15 UTC the clocks have gone forward: 11:15 (UTC+2).
    expect(officeClock(new Date('2026-03-29T09:15:00Z'))).toEqual({ today: '2026-03-29', time: '11:15:00' });
  });
});

describe('texts for spreadsheets', () => {
  it('writes rates as percentages with one decimal in the language’s decimal mark', () => {
    expect(percentText(0.575, ',')).toBe('57,5');
    expect(percentText(0.575, '.')).toBe('57.5');
    expect(percentText(1, ',')).toBe('100,0');
    expect(percentText(0, '.')).toBe('0.0');
    expect(percentText(0.007, ',')).toBe('0,7');
    expect(percentText(null, ',')).toBe('');
  });

  it('writes half desk-days with the decimal mark', () => {
    expect(deskDaysText(12.5, ',')).toBe('12,5');
    expect(deskDaysText(12.5, '.')).toBe('12.5');
    expect(deskDaysText(12, ',')).toBe('12');
  });
});
