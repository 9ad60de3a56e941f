import {
  bookedDaysInWeek,
  type BookingContext,
  capacityCap,
  decideBooking,
  type OfficeBookingRules,
} from './booking-decision.js';
import { BOOKING_REFUSAL_ORDER, type BookingRefusalCode } from './booking-rules.js';
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
  quotaDaysPerWeek: 3,
};

function context(overrides: Partial<BookingContext> = {}): BookingContext {
  return {
    now,
    rules,
    desk: { blocked: false },
    activeDeskCount: 4,
    officeBookings: [],
    personBookings: [],
    ...overrides,
  };
}

function decide(date: string, part: DayPart = 'FULL_DAY', overrides: Partial<BookingContext> = {}) {
  return decideBooking({ deskId: 'desk-1', date, part }, context(overrides));
}

function codeOf(decision: ReturnType<typeof decide>): BookingRefusalCode | 'OK' {
  return decision.ok ? 'OK' : decision.refusal.code;
}

describe('decideBooking', () => {
  it('accepts an open working day within the horizon', () => {
    expect(decide('2027-10-05')).toEqual({ ok: true, date: '2027-10-05' });
    expect(decide('2027-10-01', 'AFTERNOON')).toEqual({ ok: true, date: '2027-10-01' });
  });

  describe('the date', () => {
    it.each(['2027-02-30', '5.10.2027', ''])('refuses %p with INVALID_DATE', (date) => {
      expect(codeOf(decide(date))).toBe('INVALID_DATE');
    });

    it('refuses yesterday with DATE_IN_PAST, in German and English', () => {
      const decision = decide('2027-09-30');
      expect(decision).toEqual({
        ok: false,
        refusal: {
          code: 'DATE_IN_PAST',
          message:
            '30 September 2027 is in the past (today is 1 October 2027 in Germany). Please choose today or a later day.',
          messages: {
            de: 'Der 30.09.2027 liegt in der Vergangenheit (heute ist der 01.10.2027). Bitte wählen Sie heute oder einen späteren Tag.',
            en: '30 September 2027 is in the past (today is 1 October 2027 in Germany). Please choose today or a later day.',
          },
        },
      });
    });

    it('accepts the last day of the horizon (today + horizon) and refuses the day after with BEYOND_HORIZON', () => {
      expect(codeOf(decide('2027-10-29'))).toBe('OK');
      const beyond = decide('2027-11-01'); // also Allerheiligen: the horizon is checked first
      expect(codeOf(beyond)).toBe('BEYOND_HORIZON');
      expect(!beyond.ok && beyond.refusal.messages.de).toBe(
        'Der 01.11.2027 liegt zu weit in der Zukunft: An diesem Standort können Sie höchstens 28 Tage im Voraus buchen, ' +
          'also bis zum 29.10.2027. Bitte wählen Sie einen früheren Tag.',
      );
    });

    it('with a horizon of 0 days accepts only today', () => {
      const todayOnly = { ...rules, horizonDays: 0 };
      expect(codeOf(decide('2027-10-01', 'MORNING', { rules: todayOnly }))).toBe('OK');
      const tomorrow = decide('2027-10-04', 'MORNING', { rules: todayOnly });
      expect(!tomorrow.ok && tomorrow.refusal.message).toBe(
        '4 October 2027 is too far ahead: this office can only be booked for today.',
      );
    });
  });

  describe('the office calendar', () => {
    it('refuses a public holiday with HOLIDAY, naming it and the Land', () => {
      const decision = decide('2027-10-03');
      expect(!decision.ok && decision.refusal).toEqual({
        code: 'HOLIDAY',
        message: '3 October 2027 is Tag der Deutschen Einheit, a public holiday in Bayern. Please choose another day.',
        messages: {
          de: 'Am 03.10.2027 ist Tag der Deutschen Einheit – ein Feiertag in Bayern. Bitte wählen Sie einen anderen Tag.',
          en: '3 October 2027 is Tag der Deutschen Einheit, a public holiday in Bayern. Please choose another day.',
        },
      });
    });

    it('refuses a day of a closure with CLOSURE, giving the period and reason', () => {
      const decision = decide('2027-10-13');
      expect(!decision.ok && decision.refusal.messages).toEqual({
        de: 'Der Standort ist vom 11.10.2027 bis zum 15.10.2027 geschlossen (Renovierung). Bitte wählen Sie einen anderen Tag.',
        en: 'The office is closed from 11 October 2027 to 15 October 2027 (Renovierung). Please choose another day.',
      });
    });

    it('refuses a closed weekday with CLOSED_WEEKDAY, saying when the office is open', () => {
      const decision = decide('2027-10-02');
      expect(!decision.ok && decision.refusal.messages).toEqual({
        de: 'Am 02.10.2027 (Samstag) ist der Standort geschlossen. Geöffnet ist er montags bis freitags. Bitte wählen Sie einen anderen Tag.',
        en: 'The office is closed on Saturday, 2 October 2027. It is open from Monday to Friday. Please choose another day.',
      });
      const someDays = { ...rules, calendar: { ...rules.calendar, openingWeekdays: new Set<Weekday>([2, 4]) } };
      const monday = decide('2027-10-04', 'MORNING', { rules: someDays });
      expect(!monday.ok && monday.refusal.messages.de).toContain('Geöffnet ist er dienstags und donnerstags.');
      expect(!monday.ok && monday.refusal.messages.en).toContain('It is open on Tuesdays and Thursdays.');
    });
  });

  describe('the desk', () => {
    it('refuses a blocked desk with DESK_BLOCKED and its reason', () => {
      const decision = decide('2027-10-05', 'MORNING', { desk: { blocked: true, blockedReason: 'Monitor defekt' } });
      expect(!decision.ok && decision.refusal.messages.de).toBe(
        'Dieser Platz ist gesperrt (Monitor defekt) und kann nicht gebucht werden. Bitte wählen Sie einen anderen Platz.',
      );
    });

    it('refuses an overlapping part with DESK_TAKEN; a full day holds both halves', () => {
      const morning = { officeBookings: [{ deskId: 'desk-1', date: d('2027-10-05'), part: 'MORNING' as const }] };
      expect(codeOf(decide('2027-10-05', 'MORNING', morning))).toBe('DESK_TAKEN');
      expect(codeOf(decide('2027-10-05', 'FULL_DAY', morning))).toBe('DESK_TAKEN');
      expect(codeOf(decide('2027-10-05', 'AFTERNOON', morning))).toBe('OK');
      expect(codeOf(decide('2027-10-06', 'MORNING', morning))).toBe('OK');
      const fullDay = { officeBookings: [{ deskId: 'desk-1', date: d('2027-10-05'), part: 'FULL_DAY' as const }] };
      expect(codeOf(decide('2027-10-05', 'AFTERNOON', fullDay))).toBe('DESK_TAKEN');
    });
  });

  describe('the person', () => {
    it('refuses a second booking for an overlapping part with PERSON_ALREADY_BOOKED', () => {
      const personBookings = [{ date: d('2027-10-05'), part: 'AFTERNOON' as const }];
      expect(codeOf(decide('2027-10-05', 'FULL_DAY', { personBookings }))).toBe('PERSON_ALREADY_BOOKED');
      expect(codeOf(decide('2027-10-05', 'MORNING', { personBookings }))).toBe('OK');
    });

    it('refuses a day beyond the weekly quota with OVER_QUOTA; a half-day counts as the day', () => {
      const personBookings = [
        { date: d('2027-10-01'), part: 'MORNING' as const }, // the week before: does not count
        { date: d('2027-10-04'), part: 'MORNING' as const },
        { date: d('2027-10-05'), part: 'MORNING' as const },
        { date: d('2027-10-06'), part: 'AFTERNOON' as const },
      ];
      const decision = decide('2027-10-07', 'MORNING', { personBookings });
      expect(codeOf(decision)).toBe('OVER_QUOTA');
      expect(!decision.ok && decision.refusal.messages.de).toBe(
        'An diesem Standort können Sie an höchstens 3 Tagen pro Woche buchen, und in der Woche vom 04.10.2027 bis zum ' +
          '10.10.2027 haben Sie schon an 3 Tagen einen Platz (an allen Standorten zusammen). Bitte wählen Sie einen Tag ' +
          'in einer anderen Woche.',
      );
      // The other half of a day already counted is no new day.
      expect(codeOf(decide('2027-10-05', 'AFTERNOON', { personBookings }))).toBe('OK');
      // The next ISO week starts on Monday.
      expect(codeOf(decide('2027-10-18', 'MORNING', { personBookings }))).toBe('OK');
    });

    it('counts the ISO week right across the end of summer time (31 October 2027)', () => {
      const late = new Date('2027-10-25T06:00:00Z');
      const personBookings = [
        { date: d('2027-10-25'), part: 'MORNING' as const },
        { date: d('2027-10-26'), part: 'MORNING' as const },
        { date: d('2027-10-27'), part: 'MORNING' as const },
      ];
      expect(codeOf(decide('2027-10-29', 'MORNING', { now: late, personBookings }))).toBe('OVER_QUOTA');
      expect(codeOf(decide('2027-11-02', 'MORNING', { now: late, personBookings }))).toBe('OK');
      expect([...bookedDaysInWeek(personBookings, d('2027-10-31'))]).toHaveLength(3);
      expect([...bookedDaysInWeek(personBookings, d('2027-11-01'))]).toHaveLength(0);
    });
  });

  describe('the capacity cap', () => {
    const twoMornings = {
      officeBookings: [
        { deskId: 'desk-2', date: d('2027-10-05'), part: 'MORNING' as const },
        { deskId: 'desk-3', date: d('2027-10-05'), part: 'FULL_DAY' as const },
        { deskId: 'desk-4', date: d('2027-10-06'), part: 'FULL_DAY' as const },
      ],
    };

    it('refuses a half-day that already holds cap bookings with OVER_CAPACITY (0.5 of 4 desks: 2)', () => {
      expect(codeOf(decide('2027-10-05', 'MORNING', twoMornings))).toBe('OVER_CAPACITY');
      expect(codeOf(decide('2027-10-05', 'FULL_DAY', twoMornings))).toBe('OVER_CAPACITY');
      expect(codeOf(decide('2027-10-05', 'AFTERNOON', twoMornings))).toBe('OK');
      expect(codeOf(decide('2027-10-06', 'FULL_DAY', twoMornings))).toBe('OK');
    });

    it('counts active desks only and rounds down (0.5 of 5 desks: 2)', () => {
      expect(codeOf(decide('2027-10-05', 'MORNING', { ...twoMornings, activeDeskCount: 5 }))).toBe('OVER_CAPACITY');
      expect(codeOf(decide('2027-10-05', 'MORNING', { ...twoMornings, activeDeskCount: 6 }))).toBe('OK');
    });

    it('has no cap when the office sets none', () => {
      const noCap: OfficeBookingRules = { calendar: rules.calendar, horizonDays: 28 };
      expect(codeOf(decide('2027-10-05', 'MORNING', { ...twoMornings, rules: noCap }))).toBe('OK');
    });

    it.each([
      [0.5, 12, 6],
      [0.5, 5, 2],
      [0.29, 100, 29],
      [0.7, 10, 7],
      [1, 3, 3],
      [0, 10, 0],
      [0.5, 0, 0],
    ])('capacityCap(%p, %p) is %p', (share, desks, cap) => {
      expect(capacityCap(share, desks)).toBe(cap);
    });
  });

  describe('the order of checks', () => {
    it('is the documented one', () => {
      expect(BOOKING_REFUSAL_ORDER).toEqual([
        'INVALID_DATE',
        'DATE_IN_PAST',
        'BEYOND_HORIZON',
        'HOLIDAY',
        'CLOSURE',
        'CLOSED_WEEKDAY',
        'DESK_BLOCKED',
        'DESK_TAKEN',
        'PERSON_ALREADY_BOOKED',
        'OVER_QUOTA',
        'OVER_CAPACITY',
      ]);
    });

    it('gives the first reason when several apply', () => {
      const everythingWrong: Partial<BookingContext> = {
        desk: { blocked: true },
        officeBookings: [
          { deskId: 'desk-1', date: d('2027-10-05'), part: 'MORNING' },
          { deskId: 'desk-2', date: d('2027-10-05'), part: 'MORNING' },
        ],
        personBookings: [
          { date: d('2027-10-04'), part: 'MORNING' },
          { date: d('2027-10-05'), part: 'MORNING' },
          { date: d('2027-10-06'), part: 'MORNING' },
          { date: d('2027-10-07'), part: 'MORNING' },
        ],
      };
      expect(codeOf(decide('2027-10-03', 'MORNING', everythingWrong))).toBe('HOLIDAY');
      expect(codeOf(decide('2027-10-12', 'MORNING', everythingWrong))).toBe('CLOSURE');
      expect(codeOf(decide('2027-10-05', 'MORNING', everythingWrong))).toBe('DESK_BLOCKED');
      expect(codeOf(decide('2027-10-05', 'MORNING', { ...everythingWrong, desk: { blocked: false } }))).toBe(
        'DESK_TAKEN',
      );
      const otherDesk = decideBooking(
        { deskId: 'desk-9', date: '2027-10-05', part: 'MORNING' },
        context({ ...everythingWrong, desk: { blocked: false } }),
      );
      expect(codeOf(otherDesk)).toBe('PERSON_ALREADY_BOOKED');
      const afternoon = decideBooking(
        { deskId: 'desk-9', date: '2027-10-08', part: 'MORNING' },
        context({ ...everythingWrong, desk: { blocked: false } }),
      );
      expect(codeOf(afternoon)).toBe('OVER_QUOTA');
    });
  });

  it('refuses rules that make no sense instead of guessing', () => {
    expect(() => decide('2027-10-05', 'MORNING', { rules: { ...rules, horizonDays: -1 } })).toThrow(RangeError);
    expect(() => decide('2027-10-05', 'MORNING', { rules: { ...rules, capacityShare: 1.5 } })).toThrow(RangeError);
    expect(() => decide('2027-10-05', 'MORNING', { rules: { ...rules, quotaDaysPerWeek: 2.5 } })).toThrow(RangeError);
  });
});
