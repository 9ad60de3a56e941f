// Property-based tests of the reference model: random sequences of book / book a series / cancel / check-in /
// release / closure / block / unblock / time passing, over days that cross daylight-saving changes, keep the
// invariants of DESIGN.md §3. Each decision is also compared with an independent oracle written here from the rules.
import fc from 'fast-check';
import { DateTime } from 'luxon';

import { BookingModel, type BookingModel as Model, type ModelBooking, type ModelOffice } from './booking-model.js';
import { BOOKING_REFUSAL_ORDER, type BookingRefusalCode, type LocalizedBookingRefusal } from './booking-rules.js';
import { type BookingStatus } from './booking-status.js';
import { type CivilDate, type Weekday } from './civil-date.js';
import { type DayPart } from './day-part.js';
import { publicHoliday } from './holidays.js';
import { type Land } from './land.js';
import { type Closure } from './office-calendar.js';

// ---------------------------------------------------------------------------------------------------------------
// An independent oracle: the rules computed without the library's own date helpers (JS UTC arithmetic on the civil
// date's digits and Intl for "today in Berlin"), only the holiday table is shared.

const DAY_MS = 86_400_000;

const BERLIN_DAY = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

function berlinToday(now: Date): CivilDate {
  const parts = BERLIN_DAY.formatToParts(now);
  const part = (type: string) => parts.find((each) => each.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}` as CivilDate;
}

function dayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1) / DAY_MS;
}

function fromDayNumber(day: number): CivilDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10) as CivilDate;
}

function isoWeekday(date: string): number {
  const weekday = new Date(dayNumber(date) * DAY_MS).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

function mondayOf(date: string): number {
  return dayNumber(date) - (isoWeekday(date) - 1);
}

const HALVES: Readonly<Record<DayPart, readonly string[]>> = {
  MORNING: ['am'],
  AFTERNOON: ['pm'],
  FULL_DAY: ['am', 'pm'],
};
const overlap = (a: DayPart, b: DayPart) => HALVES[a].some((half) => HALVES[b].includes(half));
const LIVE: readonly BookingStatus[] = ['BOOKED', 'CHECKED_IN'];
const isLive = (booking: ModelBooking) => LIVE.includes(booking.status);

interface Request {
  readonly personId: string;
  readonly deskId: string;
  readonly date: string;
  readonly part: DayPart;
}

/** Every reason the rules give against `request` in `model` at `now` (plus `extra` live bookings of a series). */
function oracleReasons(
  model: Model,
  request: Request,
  now: Date,
  extra: readonly ModelBooking[] = [],
): Set<BookingRefusalCode> {
  const reasons = new Set<BookingRefusalCode>();
  const date = request.date;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || fromDayNumber(dayNumber(date)) !== date) {
    return reasons.add('INVALID_DATE');
  }
  const desk = model.desks.get(request.deskId);
  const office = desk && model.offices.get(desk.officeId);
  if (!desk || !office) throw new Error('the oracle is asked about known desks only');
  const { rules } = office;
  const today = berlinToday(now);
  if (dayNumber(date) < dayNumber(today)) reasons.add('DATE_IN_PAST');
  if (dayNumber(date) > dayNumber(today) + rules.horizonDays) reasons.add('BEYOND_HORIZON');
  if (publicHoliday(date as CivilDate, rules.calendar.land)) reasons.add('HOLIDAY');
  if (rules.calendar.closures.some((closure) => closure.from <= date && date <= closure.to)) reasons.add('CLOSURE');
  if (![...rules.calendar.openingWeekdays].some((weekday) => weekday === isoWeekday(date))) {
    reasons.add('CLOSED_WEEKDAY');
  }
  if (desk.blocked) reasons.add('DESK_BLOCKED');
  const live = [...model.bookings.filter(isLive), ...extra];
  const sameDay = live.filter((booking) => booking.date === date);
  if (sameDay.some((booking) => booking.deskId === desk.id && overlap(booking.part, request.part))) {
    reasons.add('DESK_TAKEN');
  }
  const mine = live.filter((booking) => booking.personId === request.personId);
  if (mine.some((booking) => booking.date === date && overlap(booking.part, request.part))) {
    reasons.add('PERSON_ALREADY_BOOKED');
  }
  if (rules.quotaDaysPerWeek !== undefined) {
    const days = new Set(mine.filter((booking) => mondayOf(booking.date) === mondayOf(date)).map((b) => b.date));
    if (!days.has(date as CivilDate) && days.size >= rules.quotaDaysPerWeek) reasons.add('OVER_QUOTA');
  }
  if (rules.capacityShare !== undefined) {
    const active = [...model.desks.values()].filter((each) => each.officeId === office.id && !each.blocked).length;
    const cap = Math.floor(rules.capacityShare * active + 1e-9);
    const atOffice = sameDay.filter((booking) => booking.officeId === office.id);
    if (HALVES[request.part].some((half) => atOffice.filter((b) => HALVES[b.part].includes(half)).length >= cap)) {
      reasons.add('OVER_CAPACITY');
    }
  }
  return reasons;
}

function firstReason(reasons: Set<BookingRefusalCode>): BookingRefusalCode | undefined {
  return BOOKING_REFUSAL_ORDER.find((code) => reasons.has(code));
}

function expectWellWorded(refusal: LocalizedBookingRefusal): void {
  expect(refusal.message).toBe(refusal.messages.en);
  expect(refusal.messages.de.length).toBeGreaterThan(20);
  expect(refusal.messages.en.length).toBeGreaterThan(20);
  expect(refusal.messages.de).not.toBe(refusal.messages.en);
}

// ---------------------------------------------------------------------------------------------------------------
// The world and the commands.

const PEOPLE = ['p1', 'p2', 'p3'] as const;
const OFFICE_DESKS: Readonly<Record<string, readonly string[]>> = {
  'office-a': ['a1', 'a2', 'a3', 'a4'],
  'office-b': ['b1', 'b2'],
};
const ALL_DESKS = Object.values(OFFICE_DESKS).flat();
const PARTS: readonly DayPart[] = ['MORNING', 'AFTERNOON', 'FULL_DAY'];

const officeRulesArb = (id: string, land: Land) =>
  fc
    .record({
      openingWeekdays: fc.oneof(
        { weight: 3, arbitrary: fc.constant<Weekday[]>([1, 2, 3, 4, 5]) },
        { weight: 1, arbitrary: fc.constant<Weekday[]>([1, 2, 3, 4, 5, 6]) },
        { weight: 1, arbitrary: fc.subarray<Weekday>([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }) },
      ),
      horizonDays: fc.oneof(
        { weight: 5, arbitrary: fc.integer({ min: 2, max: 14 }) },
        { weight: 1, arbitrary: fc.constant(0) },
      ),
      capacityShare: fc.option(fc.constantFrom(0.25, 0.5, 0.6, 0.75, 1), { nil: undefined }),
      quotaDaysPerWeek: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    })
    .map(
      (rules): ModelOffice => ({
        id,
        rules: {
          calendar: { land, openingWeekdays: new Set(rules.openingWeekdays), closures: [] },
          horizonDays: rules.horizonDays,
          ...(rules.capacityShare === undefined ? {} : { capacityShare: rules.capacityShare }),
          ...(rules.quotaDaysPerWeek === undefined ? {} : { quotaDaysPerWeek: rules.quotaDaysPerWeek }),
        },
      }),
    );

/** Offices in Länder whose holidays fall near the changes: Easter (late March), Reformationstag and Allerheiligen. */
const landPairArb = fc.constantFrom<[Land, Land]>(['BY', 'SN'], ['BB', 'NW'], ['BE', 'TH'], ['BW', 'MV'], ['SL', 'HH']);

/** An instant in the last days of March or October (the changes are on their last Sundays), 2026 to 2030. */
const startArb = fc
  .record({
    year: fc.integer({ min: 2026, max: 2030 }),
    month: fc.constantFrom(3, 10),
    day: fc.integer({ min: 18, max: 31 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
  })
  .map(({ year, month, day, hour, minute }) =>
    DateTime.fromObject({ year, month, day, hour, minute }, { zone: 'Europe/Berlin' }).toJSDate(),
  );

type Command =
  | {
      readonly kind: 'book';
      readonly person: string;
      readonly desk: string;
      readonly offset: number;
      readonly part: DayPart;
    }
  | { readonly kind: 'bookInvalidDate'; readonly person: string; readonly desk: string }
  | {
      readonly kind: 'bookSeries';
      readonly person: string;
      readonly desk: string;
      readonly offset: number;
      readonly span: number;
      readonly part: DayPart;
      readonly allOrNothing: boolean;
    }
  | { readonly kind: 'cancel'; readonly pick: number; readonly byOwner: boolean }
  | { readonly kind: 'checkIn'; readonly pick: number }
  | { readonly kind: 'release'; readonly pick: number }
  | { readonly kind: 'closure'; readonly office: string; readonly offset: number; readonly length: number }
  | { readonly kind: 'block'; readonly desk: string }
  | { readonly kind: 'unblock'; readonly desk: string }
  | { readonly kind: 'wait'; readonly minutes: number };

const person = fc.constantFrom(...PEOPLE);
const desk = fc.constantFrom(...ALL_DESKS);
const part = fc.constantFrom(...PARTS);
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('book' as const),
      person,
      desk,
      offset: fc.integer({ min: -1, max: 10 }),
      part,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bookInvalidDate' as const), person, desk }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('bookSeries' as const),
      person,
      desk,
      offset: fc.integer({ min: -1, max: 10 }),
      span: fc.integer({ min: 0, max: 12 }),
      part,
      allOrNothing: fc.boolean(),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat(), byOwner: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('checkIn' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('release' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('closure' as const),
      office: fc.constantFrom(...Object.keys(OFFICE_DESKS)),
      offset: fc.integer({ min: -3, max: 12 }),
      length: fc.integer({ min: -1, max: 4 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('block' as const), desk }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unblock' as const), desk }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 36 * 60 }) }),
  },
);

const scenarioArb = fc
  .record({
    lands: landPairArb,
    rulesSeed: fc.tuple(fc.nat(), fc.nat()),
    start: startArb,
    commands: fc.array(commandArb, { minLength: 10, maxLength: 40, size: 'max' }),
  })
  .chain((scenario) =>
    fc
      .tuple(officeRulesArb('office-a', scenario.lands[0]), officeRulesArb('office-b', scenario.lands[1]))
      .map((offices) => ({ ...scenario, offices })),
  );

// ---------------------------------------------------------------------------------------------------------------
// Running a scenario, and checking every step.

function civilDay(now: Date, offset: number): CivilDate {
  return fromDayNumber(dayNumber(berlinToday(now)) + offset);
}

function pickBooking(model: Model, pick: number): ModelBooking | undefined {
  return model.bookings.length === 0 ? undefined : model.bookings[pick % model.bookings.length];
}

/** Runs one command, checks its outcome against the oracle, and returns the next model and instant. */
function step(model: Model, now: Date, command: Command): { model: Model; now: Date } {
  switch (command.kind) {
    case 'wait':
      return { model, now: new Date(now.getTime() + command.minutes * 60_000) };

    case 'book':
    case 'bookInvalidDate': {
      const request: Request = {
        personId: command.person,
        deskId: command.desk,
        date: command.kind === 'book' ? civilDay(now, command.offset) : `${berlinToday(now).slice(0, 4)}-02-30`,
        part: command.kind === 'book' ? command.part : 'MORNING',
      };
      const expected = firstReason(oracleReasons(model, request, now));
      const { model: next, outcome } = model.book(request, now);
      if (expected === undefined) {
        expect(outcome.kind).toBe('BOOKED');
        expect(next.bookings.length).toBe(model.bookings.length + 1);
      } else {
        expect(outcome.kind === 'REFUSED' && outcome.refusal.code).toBe(expected);
        if (outcome.kind === 'REFUSED') expectWellWorded(outcome.refusal);
        expect(next).toBe(model); // a refused request changes nothing
      }
      return { model: next, now };
    }

    case 'bookSeries': {
      const dates: CivilDate[] = [];
      for (let day = 0; day <= command.span; day += 2) dates.push(civilDay(now, command.offset + day));
      const request = { personId: command.person, deskId: command.desk, part: command.part };
      const { model: next, outcome } = model.bookRecurring(request, dates, now, {
        allOrNothing: command.allOrNothing,
      });
      if (outcome.kind !== 'DECIDED') throw new Error('known desks only');
      // Decide each date with the oracle, counting the dates of the series accepted before it.
      const accepted: ModelBooking[] = [];
      const expected = dates.map((date) => {
        const first = firstReason(oracleReasons(model, { ...request, date }, now, accepted));
        if (first === undefined) {
          const officeId = model.desks.get(command.desk)?.officeId ?? '';
          accepted.push({ ...request, id: 'series', officeId, date, status: 'BOOKED', bookedAt: now });
        }
        return first;
      });
      const anyRefused = expected.some((code) => code !== undefined);
      outcome.decision.outcomes.forEach((dateOutcome, index) => {
        const code = expected[index];
        if (code !== undefined) {
          expect(dateOutcome.status === 'REFUSED' && dateOutcome.refusal.code).toBe(code);
        } else {
          expect(dateOutcome.status).toBe(command.allOrNothing && anyRefused ? 'WITHHELD' : 'BOOKED');
        }
      });
      if (command.allOrNothing && anyRefused) expect(next).toBe(model);
      expect(next.bookings.length).toBe(model.bookings.length + outcome.booked.length);
      return { model: next, now };
    }

    case 'cancel': {
      const booking = pickBooking(model, command.pick);
      if (!booking) return { model, now };
      const { model: next, outcome } = model.cancel(booking.id, command.byOwner ? booking.personId : 'stranger');
      if (!command.byOwner) expect(outcome).toEqual({ kind: 'BOOKING_NOT_FOUND' });
      else expect(outcome.kind).toBe(isLive(booking) ? 'CANCELLED' : 'BOOKING_NOT_ACTIVE');
      if (outcome.kind !== 'CANCELLED') expect(next).toBe(model);
      return { model: next, now };
    }

    case 'checkIn': {
      const booking = pickBooking(model, command.pick);
      if (!booking) return { model, now };
      const { model: next, outcome } = model.checkIn(booking.id, booking.personId, now);
      const expected =
        booking.status !== 'BOOKED'
          ? 'BOOKING_NOT_ACTIVE'
          : booking.date === berlinToday(now)
            ? 'CHECKED_IN'
            : 'NOT_ITS_DAY';
      expect(outcome.kind).toBe(expected);
      return { model: next, now };
    }

    case 'release': {
      const booking = pickBooking(model, command.pick);
      if (!booking) return { model, now };
      const { model: next, outcome } = model.release(booking.id, now);
      const expected =
        booking.status !== 'BOOKED'
          ? 'BOOKING_NOT_ACTIVE'
          : booking.date <= berlinToday(now)
            ? 'RELEASED'
            : 'NOT_ITS_DAY';
      expect(outcome.kind).toBe(expected);
      return { model: next, now };
    }

    case 'closure': {
      const closure: Closure = {
        from: civilDay(now, command.offset),
        to: civilDay(now, command.offset + command.length),
        reason: 'Wartung',
      };
      const { model: next, outcome } = model.addClosure(command.office, closure, now);
      if (command.length < 0) {
        expect(outcome).toEqual({ kind: 'INVALID_CLOSURE' });
        return { model: next, now };
      }
      const today = berlinToday(now);
      const expectedIds = model.bookings
        .filter(
          (booking) =>
            isLive(booking) &&
            booking.officeId === command.office &&
            booking.date >= today &&
            booking.date >= closure.from &&
            booking.date <= closure.to,
        )
        .map((booking) => booking.id);
      expect(outcome.kind === 'CLOSURE_ADDED' && outcome.cancelled.map((booking) => booking.id)).toEqual(expectedIds);
      return { model: next, now };
    }

    case 'block': {
      const { model: next, outcome } = model.blockDesk(command.desk, 'defekt', now);
      const today = berlinToday(now);
      const expectedIds = model.bookings
        .filter((booking) => isLive(booking) && booking.deskId === command.desk && booking.date >= today)
        .map((booking) => booking.id);
      expect(outcome.kind === 'DESK_BLOCKED' && outcome.cancelled.map((booking) => booking.id)).toEqual(expectedIds);
      return { model: next, now };
    }

    case 'unblock':
      return { model: model.unblockDesk(command.desk).model, now };
  }
}

const ALLOWED_NEXT: Readonly<Record<BookingStatus, readonly BookingStatus[]>> = {
  BOOKED: ['BOOKED', 'CHECKED_IN', 'CANCELLED', 'RELEASED'],
  CHECKED_IN: ['CHECKED_IN', 'CANCELLED'],
  CANCELLED: ['CANCELLED'],
  RELEASED: ['RELEASED'],
};

/** Throws when `holds` is false. Cheaper than `expect` in the hot loop (which builds an error for every call). */
function must(holds: boolean, violation: () => string): void {
  if (!holds) throw new Error(violation());
}

const HISTORY_FIELDS = ['id', 'personId', 'officeId', 'deskId', 'date', 'part', 'bookedAt'] as const;

/** DESIGN.md §3: what must hold after every step. */
function checkInvariants(before: Model, after: Model, now: Date): void {
  const live = after.bookings.filter(isLive);
  for (const [index, a] of live.entries()) {
    for (const b of live.slice(index + 1)) {
      if (a.date !== b.date || !overlap(a.part, b.part)) continue;
      // (1) a desk carries at most one live booking per half-day.
      must(a.deskId !== b.deskId, () => `(1) ${a.id} and ${b.id} share desk ${a.deskId} on ${a.date}`);
      // (2) a person holds at most one live booking per half-day, across offices.
      must(a.personId !== b.personId, () => `(2) ${a.id} and ${b.id} share person ${a.personId} on ${a.date}`);
    }
  }
  // (3) every booking was allowed by the rules at the time it was made: checked in `step` against the oracle.
  // After a closure or a block, nothing live from today on is left where it may no longer be.
  const today = berlinToday(now);
  for (const booking of live.filter((each) => each.date >= today)) {
    const calendar = after.offices.get(booking.officeId)?.rules.calendar;
    const covered = calendar?.closures.some((closure) => closure.from <= booking.date && booking.date <= closure.to);
    must(!covered, () => `(3) ${booking.id} lies in a closure`);
    must(!after.desks.get(booking.deskId)?.blocked, () => `(3) ${booking.id} is on a blocked desk`);
    must(!calendar || !publicHoliday(booking.date, calendar.land), () => `(3) ${booking.id} is on a holiday`);
  }
  // (6) history is kept: nothing is removed or rewritten; only the status moves, and only forward.
  must(after.bookings.length >= before.bookings.length, () => '(6) a booking was removed');
  before.bookings.forEach((old, index) => {
    const current = after.bookings[index];
    must(current !== undefined, () => `(6) ${old.id} was removed`);
    if (!current) return;
    for (const field of HISTORY_FIELDS) {
      must(current[field].valueOf() === old[field].valueOf(), () => `(6) ${old.id} changed its ${field}`);
    }
    must(ALLOWED_NEXT[old.status].includes(current.status), () => `(6) ${old.id}: ${old.status} -> ${current.status}`);
    must(
      old.status === current.status || current.status === 'CHECKED_IN' || current.endReason !== undefined,
      () => `(6) ${old.id} ended without a reason`,
    );
  });
}

describe('the reference model keeps the invariants of DESIGN.md §3 (property-based)', () => {
  it('over random sequences of commands across daylight-saving changes', () => {
    fc.assert(
      fc.property(scenarioArb, ({ offices, start, commands }) => {
        const desks = Object.entries(OFFICE_DESKS).flatMap(([officeId, ids]) =>
          ids.map((id) => ({ id, officeId, blocked: false })),
        );
        let model = BookingModel.create(offices, desks);
        let now = start;
        for (const command of commands) {
          const before = model;
          ({ model, now } = step(model, now, command));
          checkInvariants(before, model, now);
        }
      }),
      { numRuns: 250 },
    );
  });
});
