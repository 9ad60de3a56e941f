import { DateTime } from 'luxon';

/** Every date rule of nahbar is evaluated in this zone (DESIGN.md §3). */
export const OFFICE_ZONE = 'Europe/Berlin';

/** A civil date as `YYYY-MM-DD`: a day in the calendar, not an instant. */
export type CivilDate = string & { readonly __civilDate: unique symbol };

const CIVIL_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/**
 * Years a booking date can sensibly have; PostgreSQL would refuse year 0 and others are typing mistakes. The last is
 * 9998, not 9999: the rules reach up to a year beyond a date (a week's quota, a range of days), and year 10000 has no
 * `YYYY-MM-DD` form (PostgreSQL refused it as `+010000-01-02`).
 */
const FIRST_YEAR = 1900;
const LAST_YEAR = 9998;

export type CivilDateParseResult =
  | { readonly ok: true; readonly date: CivilDate }
  | { readonly ok: false; readonly reason: 'MALFORMED' | 'IMPOSSIBLE' };

/**
 * Parses a civil date strictly: exactly `YYYY-MM-DD` and a day that exists
 * (2027-02-30 is refused, 2028-02-29 is accepted) in the years 1900 to 9998.
 */
export function parseCivilDate(input: string): CivilDateParseResult {
  if (!CIVIL_DATE_PATTERN.test(input)) {
    return { ok: false, reason: 'MALFORMED' };
  }
  const parsed = DateTime.fromISO(input, { zone: OFFICE_ZONE });
  if (!parsed.isValid || parsed.toISODate() !== input || parsed.year < FIRST_YEAR || parsed.year > LAST_YEAR) {
    return { ok: false, reason: 'IMPOSSIBLE' };
  }
  return { ok: true, date: input as CivilDate };
}

/** Today's civil date in the office zone at instant `now`. */
export function todayInOfficeZone(now: Date = new Date()): CivilDate {
  const today = DateTime.fromJSDate(now, { zone: OFFICE_ZONE }).toISODate();
  if (today === null) {
    throw new RangeError(`Invalid instant: ${String(now)}`);
  }
  return today as CivilDate;
}

/**
 * Calendar arithmetic on civil dates runs in UTC, where every day has 24 hours: the same civil result as in
 * Europe/Berlin (a date has no zone), without daylight-saving edge cases and much faster than zone look-ups.
 */
const CALENDAR_ZONE = 'utc';

/** Adds whole calendar days; stays on the same wall-clock day across daylight-saving changes. */
export function addDays(date: CivilDate, days: number): CivilDate {
  const next = DateTime.fromISO(date, { zone: CALENDAR_ZONE }).plus({ days }).toISODate();
  if (next === null) {
    throw new RangeError(`Invalid civil date: ${date}`);
  }
  return next as CivilDate;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  const days = DateTime.fromISO(to, { zone: CALENDAR_ZONE }).diff(
    DateTime.fromISO(from, { zone: CALENDAR_ZONE }),
    'days',
  ).days;
  if (!Number.isFinite(days)) {
    throw new RangeError(`Invalid civil dates: ${from}, ${to}`);
  }
  return Math.round(days);
}

/** ISO weekdays: 1 = Monday … 7 = Sunday (the numbering of luxon and of ISO 8601). */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export function isWeekday(value: unknown): value is Weekday {
  return typeof value === 'number' && (WEEKDAYS as readonly number[]).includes(value);
}

/** ISO weekday of a civil date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: CivilDate): Weekday {
  const weekday = DateTime.fromISO(date, { zone: CALENDAR_ZONE }).weekday;
  if (!isWeekday(weekday)) {
    throw new RangeError(`Invalid civil date: ${date}`);
  }
  return weekday;
}

/** The Monday of the ISO week (Monday to Sunday) that holds `date`. */
export function startOfIsoWeek(date: CivilDate): CivilDate {
  return addDays(date, 1 - weekdayOf(date));
}

/** The calendar year of a civil date. */
export function yearOf(date: CivilDate): number {
  return Number(date.slice(0, 4));
}

/** Civil dates compare correctly as strings because the format is fixed-width. */
export function compareCivilDates(a: CivilDate, b: CivilDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
