import {
  bookingRefusal,
  BookingRefusalCode,
  checkBookingDate,
  type DateCheck,
  type LocalizedBookingRefusal,
  refused,
} from './booking-rules.js';
import { addDays, type CivilDate, compareCivilDates, startOfIsoWeek, todayInOfficeZone } from './civil-date.js';
import { type DayPart, halvesOf, partsOverlap } from './day-part.js';
import { type OfficeCalendar, whyClosed } from './office-calendar.js';
import { refusalTexts } from './refusal-texts.js';

/** The rules an office sets for bookings. */
export interface OfficeBookingRules {
  readonly calendar: OfficeCalendar;
  /** How many days ahead people may book: today + `horizonDays` is the last bookable day (0: today only). */
  readonly horizonDays: number;
  /** Share (0…1) of the office's active desks that may be booked per half-day; undefined: no cap. */
  readonly capacityShare?: number;
  /** Most distinct days per ISO week (Monday to Sunday) a person may hold, across all offices; undefined: no quota. */
  readonly quotaDaysPerWeek?: number;
}

/** What a person asks for: a desk, a day, a part of the day. */
export interface BookingRequest {
  readonly deskId: string;
  /** As typed or sent: validated here (INVALID_DATE). */
  readonly date: string;
  readonly part: DayPart;
}

/** A live booking (booked or checked in) at the office. */
export interface LiveDeskBooking {
  readonly deskId: string;
  readonly date: CivilDate;
  readonly part: DayPart;
}

/** A live booking of the requesting person, at any office. */
export interface LivePersonBooking {
  readonly date: CivilDate;
  readonly part: DayPart;
}

/** The state a request is decided against, as the API loads it (or the reference model holds it). */
export interface BookingContext {
  readonly now: Date;
  readonly rules: OfficeBookingRules;
  readonly desk: { readonly blocked: boolean; readonly blockedReason?: string };
  /** Desks of the office that are not blocked: the base of the capacity cap. */
  readonly activeDeskCount: number;
  /** Live bookings at the office; at least those on the requested date (others are ignored). */
  readonly officeBookings: readonly LiveDeskBooking[];
  /** Live bookings of the person at all offices; at least those in the requested date's ISO week. */
  readonly personBookings: readonly LivePersonBooking[];
}

export type BookingDecision = DateCheck;

/**
 * Decides a booking request: ok with the civil date, or the first reason it is refused.
 *
 * Order of checks, and why:
 * 1. INVALID_DATE, DATE_IN_PAST, BEYOND_HORIZON: about the date alone; nothing else can be decided without it, and
 *    these answers reveal nothing about the office's state.
 * 2. HOLIDAY, CLOSURE, CLOSED_WEEKDAY: the office is closed that day, so no other desk, part or person would help;
 *    the most telling reason (a named holiday) first.
 * 3. DESK_BLOCKED, DESK_TAKEN: about the chosen desk; another desk on the same day may do.
 * 4. PERSON_ALREADY_BOOKED: the person holds that time already; more precise than the quota, which would otherwise
 *    count the same day again.
 * 5. OVER_QUOTA: the person's own weekly limit; no waiting helps.
 * 6. OVER_CAPACITY last: it is the only reason a freed desk would cure, so a request refused with it is one that
 *    could wait for a desk (the waitlist), everything else being in order.
 * The database still enforces 1 and 2 of DESIGN.md §3 (DESK_TAKEN, PERSON_ALREADY_BOOKED) against races.
 */
export function decideBooking(request: BookingRequest, context: BookingContext): BookingDecision {
  const { rules } = context;
  assertRules(rules);
  const dateCheck = checkBookingDate(request.date, context.now);
  if (!dateCheck.ok) return dateCheck;
  const date = dateCheck.date;

  const today = todayInOfficeZone(context.now);
  if (compareCivilDates(date, addDays(today, rules.horizonDays)) > 0) {
    return refused(BookingRefusalCode.BeyondHorizon, refusalTexts.beyondHorizon(date, today, rules.horizonDays));
  }

  const closed = whyClosed(rules.calendar, date);
  switch (closed?.code) {
    case 'HOLIDAY':
      return refused(BookingRefusalCode.Holiday, refusalTexts.holiday(closed.holiday, closed.land));
    case 'CLOSURE':
      return refused(BookingRefusalCode.Closure, refusalTexts.closure(closed.closure));
    case 'CLOSED_WEEKDAY':
      return refused(
        BookingRefusalCode.ClosedWeekday,
        refusalTexts.closedWeekday(date, closed.weekday, rules.calendar.openingWeekdays),
      );
    case undefined:
      break;
  }

  if (context.desk.blocked) {
    return refused(BookingRefusalCode.DeskBlocked, refusalTexts.deskBlocked(context.desk.blockedReason));
  }

  const onDate = context.officeBookings.filter((booking) => booking.date === date);
  if (onDate.some((booking) => booking.deskId === request.deskId && partsOverlap(booking.part, request.part))) {
    return refused(BookingRefusalCode.DeskTaken, refusalTexts.deskTaken(date));
  }

  if (context.personBookings.some((booking) => booking.date === date && partsOverlap(booking.part, request.part))) {
    return refused(BookingRefusalCode.PersonAlreadyBooked, refusalTexts.personAlreadyBooked(date));
  }

  if (rules.quotaDaysPerWeek !== undefined) {
    const bookedDays = bookedDaysInWeek(context.personBookings, date);
    if (!bookedDays.has(date) && bookedDays.size >= rules.quotaDaysPerWeek) {
      return refused(
        BookingRefusalCode.OverQuota,
        refusalTexts.overQuota(rules.quotaDaysPerWeek, bookedDays.size, startOfIsoWeek(date)),
      );
    }
  }

  if (rules.capacityShare !== undefined) {
    const cap = capacityCap(rules.capacityShare, context.activeDeskCount);
    if (bookedInBusiestHalf(onDate, request.part) >= cap) {
      return refused(BookingRefusalCode.OverCapacity, refusalTexts.overCapacity(date, cap));
    }
  }

  return { ok: true, date };
}

/** What the state of an office on a day is decided against: `BookingContext` without a desk or a person. */
export interface OfficeDayContext {
  readonly now: Date;
  readonly rules: OfficeBookingRules;
  /** Desks of the office that are not blocked: the base of the capacity cap, and what "every desk taken" means. */
  readonly activeDeskIds: readonly string[];
  /** Live bookings at the office; at least those on the date asked about (others are ignored). */
  readonly officeBookings: readonly LiveDeskBooking[];
}

/** Whether an office takes bookings on a day and part of the day, and why not; its cap and how full it is. */
export interface OfficeDayState {
  readonly date: CivilDate;
  /** Someone could book a desk now: no refusal and not full. */
  readonly bookable: boolean;
  /**
   * Why no desk can be booked by the office's rules, in `decideBooking`'s order: the date (past, beyond the horizon),
   * the calendar (holiday, closure, closed weekday), then the capacity cap (OVER_CAPACITY). Undefined otherwise, also
   * when every desk is simply taken (then `full` says so).
   */
  readonly refusal?: LocalizedBookingRefusal;
  /** The cap in desks per half-day; undefined when the office has none. */
  readonly capacity?: number;
  /** Live bookings in the busiest half of the part asked about: the figure `decideBooking` holds against the cap. */
  readonly booked: number;
  /**
   * The office is open that day, but no desk can be booked for the part: the cap is reached, or every active desk is
   * taken. Exactly when a person may join the waitlist (other things being in order).
   */
  readonly full: boolean;
}

/**
 * Decides what `decideBooking` would answer for any desk of the office on `date` and `part`, before anyone picks a
 * desk: the client shows it upfront instead of letting people try. The date is parsed already (INVALID_DATE is the
 * caller's to answer).
 */
export function decideOfficeDay(date: CivilDate, part: DayPart, context: OfficeDayContext): OfficeDayState {
  const { rules } = context;
  assertRules(rules);
  const onDate = context.officeBookings.filter((booking) => booking.date === date);
  const booked = bookedInBusiestHalf(onDate, part);
  const capacity =
    rules.capacityShare === undefined ? undefined : capacityCap(rules.capacityShare, context.activeDeskIds.length);
  const figures = { date, booked, ...(capacity === undefined ? {} : { capacity }) };

  const closed = refusalByDateOrCalendar(date, context);
  if (closed !== undefined) {
    return { ...figures, bookable: false, refusal: closed, full: false };
  }
  if (capacity !== undefined && booked >= capacity) {
    const refusal = bookingRefusal(BookingRefusalCode.OverCapacity, refusalTexts.overCapacity(date, capacity));
    return { ...figures, bookable: false, refusal, full: true };
  }
  const active = new Set(context.activeDeskIds);
  const taken = new Set(
    onDate
      .filter((booking) => active.has(booking.deskId) && partsOverlap(booking.part, part))
      .map((booking) => booking.deskId),
  );
  const everyDeskTaken = active.size > 0 && taken.size >= active.size;
  return { ...figures, bookable: !everyDeskTaken, full: everyDeskTaken };
}

/** The refusal of the date alone or of the office's calendar, as `decideBooking` gives them; undefined: open. */
function refusalByDateOrCalendar(date: CivilDate, context: OfficeDayContext): LocalizedBookingRefusal | undefined {
  const decision = decideBooking(
    { deskId: '', date, part: 'FULL_DAY' },
    {
      now: context.now,
      rules: { calendar: context.rules.calendar, horizonDays: context.rules.horizonDays },
      desk: { blocked: false },
      activeDeskCount: 0,
      officeBookings: [],
      personBookings: [],
    },
  );
  return decision.ok ? undefined : decision.refusal;
}

/** Most live bookings holding one half of the day that `part` needs (a full-day booking holds both halves). */
export function bookedInBusiestHalf(bookings: readonly { readonly part: DayPart }[], part: DayPart): number {
  return Math.max(
    0,
    ...halvesOf(part).map((half) => bookings.filter((booking) => halvesOf(booking.part).includes(half)).length),
  );
}

/**
 * Most live bookings per half-day an office allows: its share of the active desks, rounded down
 * (0.5 of 12 desks: 6; 0.5 of 5 desks: 2). Computed so that float noise cannot cost a desk (0.29 × 100 is 29).
 */
export function capacityCap(capacityShare: number, activeDeskCount: number): number {
  return Math.floor(Math.round(capacityShare * activeDeskCount * 1e6) / 1e6);
}

/** The distinct days the person holds a live booking on in the ISO week of `date`. */
export function bookedDaysInWeek(bookings: readonly LivePersonBooking[], date: CivilDate): ReadonlySet<CivilDate> {
  const monday = startOfIsoWeek(date);
  const sunday = addDays(monday, 6);
  return new Set(
    bookings
      .map((booking) => booking.date)
      .filter((day) => compareCivilDates(monday, day) <= 0 && compareCivilDates(day, sunday) <= 0),
  );
}

function assertRules(rules: OfficeBookingRules): void {
  if (!Number.isInteger(rules.horizonDays) || rules.horizonDays < 0) {
    throw new RangeError(`horizonDays must be a whole number of days, 0 or more: ${rules.horizonDays}`);
  }
  if (rules.capacityShare !== undefined && !(rules.capacityShare >= 0 && rules.capacityShare <= 1)) {
    throw new RangeError(`capacityShare must be a share between 0 and 1: ${rules.capacityShare}`);
  }
  const quota = rules.quotaDaysPerWeek;
  if (quota !== undefined && (!Number.isInteger(quota) || quota < 0 || quota > 7)) {
    throw new RangeError(`quotaDaysPerWeek must be a whole number from 0 to 7: ${quota}`);
  }
}
