// Property-based tests of the pure functions: recurrence, parts of the day, civil dates, caps, decisions.
import fc from 'fast-check';

import { type BookingContext, capacityCap, decideBooking, type LiveDeskBooking } from './booking-decision.js';
import { bookingRefusal } from './booking-rules.js';
import { addDays, type CivilDate, todayInOfficeZone, type Weekday, weekdayOf } from './civil-date.js';
import { formatCivilDate } from './civil-date-format.js';
import { DAY_PARTS, type DayPart, type HalfDay, halvesOf, isFreeFor, partsOverlap } from './day-part.js';
import { publicHoliday, publicHolidays } from './holidays.js';
import { LANDS } from './land.js';
import { decideRecurring, expandRecurrence, MAX_RECURRENCE_DATES } from './recurrence.js';

const DAY_MS = 86_400_000;
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const fromDayNumber = (day: number): CivilDate => new Date(day * DAY_MS).toISOString().slice(0, 10) as CivilDate;
const utcWeekday = (date: string): number => ((new Date(dayNumber(date) * DAY_MS).getUTCDay() + 6) % 7) + 1;

/** Civil dates from 2024 to 2031, weighted towards the weeks around the daylight-saving changes. */
const civilDateArb: fc.Arbitrary<CivilDate> = fc.oneof(
  fc.integer({ min: dayNumber('2024-01-01'), max: dayNumber('2031-12-31') }).map(fromDayNumber),
  fc
    .record({
      year: fc.integer({ min: 2024, max: 2031 }),
      month: fc.constantFrom('03', '10'),
      day: fc.integer({ min: 18, max: 31 }),
    })
    .map(({ year, month, day }) => `${year}-${month}-${String(day).padStart(2, '0')}` as CivilDate),
);
const weekdaysArb = fc.uniqueArray(fc.integer({ min: 1, max: 7 }) as fc.Arbitrary<Weekday>, {
  minLength: 1,
  maxLength: 7,
});
const partArb = fc.constantFrom(...DAY_PARTS);

describe('expandRecurrence (property-based)', () => {
  it('yields exactly the requested weekdays in the range, strictly increasing, at most MAX_RECURRENCE_DATES', () => {
    fc.assert(
      fc.property(
        weekdaysArb,
        civilDateArb,
        fc.oneof(
          fc.record({ weeks: fc.integer({ min: 1, max: 60 }) }),
          fc.record({ days: fc.integer({ min: 0, max: 450 }) }),
        ),
        (weekdays, from, length) => {
          const last =
            'weeks' in length
              ? fromDayNumber(dayNumber(from) + length.weeks * 7 - 1)
              : fromDayNumber(dayNumber(from) + length.days);
          const expansion =
            'weeks' in length
              ? expandRecurrence({ weekdays, from, weeks: length.weeks })
              : expandRecurrence({ weekdays, from, until: last });
          // The same series computed on UTC day numbers, independently of luxon.
          const expected: CivilDate[] = [];
          for (let day = dayNumber(from); day <= dayNumber(last); day += 1) {
            if ((weekdays as number[]).includes(utcWeekday(fromDayNumber(day)))) expected.push(fromDayNumber(day));
          }
          if (expected.length > MAX_RECURRENCE_DATES) {
            expect(!expansion.ok && expansion.code).toBe('TOO_MANY_DATES');
          } else if (expected.length === 0) {
            expect(!expansion.ok && expansion.code).toBe('NO_DATES');
          } else {
            expect(expansion.ok && expansion.dates).toEqual(expected);
            if (expansion.ok) {
              expect(expansion.dates.every((date) => weekdays.includes(weekdayOf(date)))).toBe(true);
              expect(expansion.dates.every((date, index, all) => index === 0 || (all[index - 1] ?? '') < date)).toBe(
                true,
              );
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('decideRecurring (property-based)', () => {
  it('decides every date once, books a subset in order, and with all-or-nothing all or none', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(civilDateArb, { maxLength: 30 }),
        fc.func(fc.boolean()),
        fc.boolean(),
        (dates, accept, allOrNothing) => {
          const refusal = bookingRefusal('HOLIDAY', { de: 'Feiertag', en: 'holiday' });
          const decision = decideRecurring(
            dates,
            (date) => (accept(date) ? { ok: true, date } : { ok: false, refusal }),
            {
              allOrNothing,
            },
          );
          expect(decision.outcomes.map((outcome) => outcome.date)).toEqual(dates);
          const accepted = dates.filter((date) => accept(date));
          if (allOrNothing) expect(decision.toBook).toEqual(accepted.length === dates.length ? dates : []);
          else expect(decision.toBook).toEqual(accepted);
          expect(decision.complete).toBe(accepted.length === dates.length);
        },
      ),
    );
  });
});

describe('parts of the day (property-based)', () => {
  it('overlap is symmetric and reflexive; a full day overlaps every part', () => {
    fc.assert(
      fc.property(partArb, partArb, (a, b) => {
        expect(partsOverlap(a, b)).toBe(partsOverlap(b, a));
        expect(partsOverlap(a, a)).toBe(true);
        expect(partsOverlap('FULL_DAY', b)).toBe(true);
      }),
    );
  });

  it('a desk is free for a part exactly when no taken booking overlaps it', () => {
    fc.assert(
      fc.property(partArb, fc.array(partArb, { maxLength: 3 }), (part: DayPart, taken: DayPart[]) => {
        const halves = new Set<HalfDay>(taken.flatMap((each) => halvesOf(each)));
        expect(isFreeFor(part, halves)).toBe(!taken.some((each) => partsOverlap(each, part)));
      }),
    );
  });
});

describe('civil dates (property-based)', () => {
  it('addDays is calendar arithmetic across daylight-saving changes', () => {
    fc.assert(
      fc.property(civilDateArb, fc.integer({ min: -400, max: 400 }), (date, days) => {
        const moved = addDays(date, days);
        expect(moved).toBe(fromDayNumber(dayNumber(date) + days));
        expect(addDays(moved, -days)).toBe(date);
        expect(weekdayOf(date)).toBe(utcWeekday(date));
      }),
    );
  });

  it('today is the Berlin calendar day of the instant, whatever the machine zone', () => {
    const berlin = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Berlin',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2031-12-31T23:59:59Z') }),
        (ms) => {
          expect(todayInOfficeZone(new Date(ms))).toBe(berlin.format(new Date(ms)));
        },
      ),
    );
  });

  it('the German form reads back to the same date', () => {
    fc.assert(
      fc.property(civilDateArb, (date) => {
        const [day, month, year] = formatCivilDate(date, 'de').split('.');
        expect(`${year}-${month}-${day}`).toBe(date);
      }),
    );
  });
});

describe('public holidays (property-based)', () => {
  it('a day is a holiday exactly when it is in the year list of its Land', () => {
    fc.assert(
      fc.property(civilDateArb, fc.constantFrom(...LANDS), (date, land) => {
        const listed = publicHolidays(Number(date.slice(0, 4)), land).find((holiday) => holiday.date === date);
        expect(publicHoliday(date, land)).toEqual(listed);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the capacity cap (property-based)', () => {
  it('is the share of active desks rounded down, computed exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 500 }), (percent, desks) => {
        expect(capacityCap(percent / 100, desks)).toBe(Math.floor((percent * desks) / 100));
      }),
    );
  });
});

describe('decideBooking (property-based)', () => {
  const now = new Date('2027-03-22T07:00:00Z'); // Monday, the week summer time begins
  const contextArb = fc.record({
    desks: fc.integer({ min: 1, max: 6 }),
    share: fc.option(fc.constantFrom(0.25, 0.5, 1), { nil: undefined }),
    quota: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    blocked: fc.boolean(),
    office: fc.array(fc.record({ deskId: fc.constantFrom('d1', 'd2', 'd3'), date: civilDateArb, part: partArb }), {
      maxLength: 8,
    }),
    person: fc.array(fc.record({ date: civilDateArb, part: partArb }), { maxLength: 6 }),
  });

  type ContextValue = typeof contextArb extends fc.Arbitrary<infer T> ? T : never;

  function contextOf(value: ContextValue): BookingContext {
    return {
      now,
      rules: {
        calendar: { land: 'NW', openingWeekdays: new Set<Weekday>([1, 2, 3, 4, 5, 6]), closures: [] },
        horizonDays: 21,
        ...(value.share === undefined ? {} : { capacityShare: value.share }),
        ...(value.quota === undefined ? {} : { quotaDaysPerWeek: value.quota }),
      },
      desk: { blocked: value.blocked },
      activeDeskCount: value.desks,
      officeBookings: value.office,
      personBookings: value.person,
    };
  }

  const dateNearNow = fc.integer({ min: -3, max: 25 }).map((days) => addDays('2027-03-22' as CivilDate, days));

  it('more bookings never turn a refusal into a booking, and every refusal speaks German and English', () => {
    fc.assert(
      fc.property(
        contextArb,
        dateNearNow,
        partArb,
        fc.record({ deskId: fc.constantFrom('d1', 'd2', 'd3'), date: dateNearNow, part: partArb }),
        (value, date, part, more: LiveDeskBooking) => {
          const context = contextOf(value);
          const request = { deskId: 'd1', date, part };
          const before = decideBooking(request, context);
          const after = decideBooking(request, {
            ...context,
            officeBookings: [...context.officeBookings, more],
            personBookings: [...context.personBookings, { date: more.date, part: more.part }],
          });
          if (!before.ok) {
            expect(after.ok).toBe(false);
            expect(before.refusal.message).toBe(before.refusal.messages.en);
            expect(before.refusal.messages.de).not.toBe(before.refusal.messages.en);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
