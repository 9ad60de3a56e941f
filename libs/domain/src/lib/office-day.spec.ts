import fc from 'fast-check';

import {
  bookedInBusiestHalf,
  decideBooking,
  decideOfficeDay,
  type OfficeBookingRules,
  type OfficeDayContext,
} from './booking-decision.js';
import { type CivilDate, type Weekday } from './civil-date.js';
import { type DayPart } from './day-part.js';

const d = (date: string): CivilDate => date as CivilDate;

// 10:00 in Berlin on Friday 1 October 2027.
const now = new Date('2027-10-01T08:00:00Z');

const rules: OfficeBookingRules = {
  calendar: {
    land: 'BY',
    openingWeekdays: new Set<Weekday>([1, 2, 3, 4, 5]),
    closures: [{ from: d('2027-10-11'), to: d('2027-10-15'), reason: 'Renovierung' }],
  },
  horizonDays: 28,
  capacityShare: 0.5,
};

const DESKS = ['a', 'b', 'c', 'd'];

function context(overrides: Partial<OfficeDayContext> = {}): OfficeDayContext {
  return { now, rules, activeDeskIds: DESKS, officeBookings: [], ...overrides };
}

function booking(deskId: string, date: string, part: DayPart) {
  return { deskId, date: d(date), part };
}

describe('decideOfficeDay', () => {
  it('is bookable on an open day below the cap, with the cap and the bookings in the busiest half', () => {
    const day = decideOfficeDay(
      d('2027-10-05'),
      'FULL_DAY',
      context({ officeBookings: [booking('a', '2027-10-05', 'MORNING')] }),
    );
    expect(day).toEqual({ date: '2027-10-05', bookable: true, capacity: 2, booked: 1, full: false });
  });

  it.each([
    ['2027-09-30', 'DATE_IN_PAST'],
    ['2027-11-01', 'BEYOND_HORIZON'],
    ['2027-10-03', 'HOLIDAY'],
    ['2027-10-12', 'CLOSURE'],
    ['2027-10-09', 'CLOSED_WEEKDAY'],
  ])('gives %s the refusal decideBooking gives every desk (%s), not full', (date, code) => {
    const day = decideOfficeDay(d(date), 'MORNING', context());
    expect(day).toMatchObject({ bookable: false, full: false, refusal: { code } });
    const desk = decideBooking(
      { deskId: 'a', date, part: 'MORNING' },
      { now, rules, desk: { blocked: false }, activeDeskCount: 4, officeBookings: [], personBookings: [] },
    );
    expect(desk.ok ? undefined : desk.refusal).toEqual(day.refusal);
  });

  it('names the closure with its reason, in German and English', () => {
    const refusal = decideOfficeDay(d('2027-10-12'), 'FULL_DAY', context()).refusal;
    expect(refusal?.messages.de).toContain('Renovierung');
    expect(refusal?.messages.en).toContain('Renovierung');
  });

  it('is full with OVER_CAPACITY when the cap is reached in a half the part needs', () => {
    const officeBookings = [booking('a', '2027-10-05', 'MORNING'), booking('b', '2027-10-05', 'FULL_DAY')];
    const morning = decideOfficeDay(d('2027-10-05'), 'MORNING', context({ officeBookings }));
    expect(morning).toMatchObject({
      bookable: false,
      full: true,
      capacity: 2,
      booked: 2,
      refusal: { code: 'OVER_CAPACITY' },
    });
    expect(decideOfficeDay(d('2027-10-05'), 'FULL_DAY', context({ officeBookings })).full).toBe(true);
    expect(decideOfficeDay(d('2027-10-05'), 'AFTERNOON', context({ officeBookings }))).toMatchObject({
      bookable: true,
      full: false,
      booked: 1,
    });
  });

  it('is full without a refusal when every active desk is taken and there is no cap', () => {
    const { capacityShare: _cap, ...uncapped } = rules;
    const officeBookings = DESKS.map((desk) => booking(desk, '2027-10-05', 'AFTERNOON'));
    const day = decideOfficeDay(d('2027-10-05'), 'FULL_DAY', context({ rules: uncapped, officeBookings }));
    expect(day).toEqual({ date: '2027-10-05', bookable: false, booked: 4, full: true });
    expect(decideOfficeDay(d('2027-10-05'), 'MORNING', context({ rules: uncapped, officeBookings })).full).toBe(false);
  });

  it('counts bookings on other days and on blocked desks as decideBooking does', () => {
    const officeBookings = [booking('a', '2027-10-06', 'FULL_DAY'), booking('blocked', '2027-10-05', 'MORNING')];
    expect(decideOfficeDay(d('2027-10-05'), 'MORNING', context({ officeBookings }))).toMatchObject({
      booked: 1,
      full: false,
    });
  });
});

describe('decideOfficeDay agrees with decideBooking', () => {
  const PARTS: readonly DayPart[] = ['MORNING', 'AFTERNOON', 'FULL_DAY'];
  // Open, holiday (Tag der Deutschen Einheit), closure, Saturday, past, beyond the horizon.
  const DATES = ['2027-10-05', '2027-10-06', '2027-10-03', '2027-10-12', '2027-10-09', '2027-09-30', '2027-11-01'];

  it('is bookable exactly when some desk can be booked, and full exactly when open but none can', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DATES),
        fc.constantFrom(...PARTS),
        fc.option(fc.constantFrom(0, 0.25, 0.5, 0.75, 1), { nil: undefined }),
        fc.array(fc.record({ deskId: fc.constantFrom(...DESKS), part: fc.constantFrom(...PARTS) }), { maxLength: 8 }),
        (date, part, capacityShare, booked) => {
          const { capacityShare: _ignored, ...base } = rules;
          const dayRules = capacityShare === undefined ? base : { ...base, capacityShare };
          const officeBookings = booked.map((booking) => ({ ...booking, date: d('2027-10-05') }));
          const day = decideOfficeDay(d(date), part, context({ rules: dayRules, officeBookings }));
          const decisions = DESKS.map((deskId) =>
            decideBooking(
              { deskId, date, part },
              {
                now,
                rules: dayRules,
                desk: { blocked: false },
                activeDeskCount: DESKS.length,
                officeBookings,
                personBookings: [],
              },
            ),
          );
          expect(day.bookable).toBe(decisions.some((decision) => decision.ok));
          const closed = day.refusal !== undefined && day.refusal.code !== 'OVER_CAPACITY';
          expect(day.full).toBe(!closed && !day.bookable);
          if (day.refusal !== undefined) {
            // Every desk is refused for the day's reason; at the cap, a taken desk says so first.
            const reasons = day.refusal.code === 'OVER_CAPACITY' ? ['OVER_CAPACITY', 'DESK_TAKEN'] : [day.refusal.code];
            for (const decision of decisions) expect(reasons).toContain(decision.ok ? 'OK' : decision.refusal.code);
          }
        },
      ),
    );
  });
});

describe('bookedInBusiestHalf', () => {
  it('counts the bookings holding the busier half of the part', () => {
    const bookings: { part: DayPart }[] = [{ part: 'MORNING' }, { part: 'MORNING' }, { part: 'AFTERNOON' }];
    expect(bookedInBusiestHalf(bookings, 'FULL_DAY')).toBe(2);
    expect(bookedInBusiestHalf(bookings, 'AFTERNOON')).toBe(1);
    expect(bookedInBusiestHalf([], 'MORNING')).toBe(0);
  });
});
