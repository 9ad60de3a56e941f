import { DateTime } from 'luxon';

import {
  addDays,
  type CivilDate,
  daysBetween,
  OFFICE_ZONE,
  parseCivilDate,
  type Weekday,
  yearOf,
} from './civil-date.js';
import { publicHolidays } from './holidays.js';
import { type Land, LANDS } from './land.js';

/**
 * Utilisation of offices over a range of days (issue 7): the arithmetic of the figures facility managers see. The
 * counting happens in the database; this module turns counts into rates, finds the peak weekdays and checks ranges.
 * Counts only, never a person (DESIGN.md §5).
 *
 * Units: an available desk-day is an active desk on an open day. Bookings count in halves of a desk-day (a morning
 * or an afternoon 1, a full day 2), so every sum stays an integer and every rate is exact before its one rounding.
 */

/** The longest range a report covers: a year, leap day included. */
export const MAX_UTILISATION_RANGE_DAYS = 366;

/** Rates are rounded half up to this many parts of one: 1000 = per mille, 0.1 % steps. */
export const RATE_SCALE = 1000;

/** What the database counts for an office, an area, a weekday or a desk. */
export interface UtilisationCounts {
  /** Open days × active desks. */
  readonly availableDeskDays: number;
  /** Live bookings (booked or checked in) on those desk-days, in halves: a half day 1, a full day 2. */
  readonly bookedHalfDays: number;
  /** Bookings whose check-in window has passed (booked, checked in or released as no-show). */
  readonly dueBookings: number;
  /** Of the due bookings, those checked in. */
  readonly checkedIn: number;
  /** Of the due bookings, those released because nobody checked in by the deadline. */
  readonly noShows: number;
}

/** The counts with their rates. A rate is null where its base is 0 (nothing to divide by). */
export interface UtilisationFigures {
  readonly availableDeskDays: number;
  /** Booked desk-days: a half-day booking counts 0.5. */
  readonly bookedDeskDays: number;
  /** Booked / available desk-days, 0..1 in steps of 0.001. */
  readonly utilisationRate: number | null;
  readonly dueBookings: number;
  readonly checkedIn: number;
  /** Checked in / due bookings. */
  readonly checkInRate: number | null;
  readonly noShows: number;
  /** No-shows / due bookings. */
  readonly noShowRate: number | null;
}

export const NO_UTILISATION: UtilisationCounts = {
  availableDeskDays: 0,
  bookedHalfDays: 0,
  dueBookings: 0,
  checkedIn: 0,
  noShows: 0,
};

/**
 * `part / whole` in parts of `scale` (per mille by default), rounded half up, exactly: both must be whole numbers,
 * so no binary fraction decides a rounding. Null when `whole` is 0.
 */
export function scaledRatio(part: number, whole: number, scale: number = RATE_SCALE): number | null {
  for (const value of [part, whole, scale]) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`Not a count: ${value}`);
  }
  if (whole === 0) return null;
  return Math.floor((2 * part * scale + whole) / (2 * whole));
}

/** `part / whole` as a rate of 0..1 rounded half up to 0.001; null when `whole` is 0. */
export function rate(part: number, whole: number): number | null {
  const scaled = scaledRatio(part, whole);
  return scaled === null ? null : scaled / RATE_SCALE;
}

export function utilisationFigures(counts: UtilisationCounts): UtilisationFigures {
  return {
    availableDeskDays: counts.availableDeskDays,
    bookedDeskDays: counts.bookedHalfDays / 2,
    utilisationRate: rate(counts.bookedHalfDays, 2 * counts.availableDeskDays),
    dueBookings: counts.dueBookings,
    checkedIn: counts.checkedIn,
    checkInRate: rate(counts.checkedIn, counts.dueBookings),
    noShows: counts.noShows,
    noShowRate: rate(counts.noShows, counts.dueBookings),
  };
}

export function addUtilisation(a: UtilisationCounts, b: UtilisationCounts): UtilisationCounts {
  return {
    availableDeskDays: a.availableDeskDays + b.availableDeskDays,
    bookedHalfDays: a.bookedHalfDays + b.bookedHalfDays,
    dueBookings: a.dueBookings + b.dueBookings,
    checkedIn: a.checkedIn + b.checkedIn,
    noShows: a.noShows + b.noShows,
  };
}

export function sumUtilisation(counts: Iterable<UtilisationCounts>): UtilisationCounts {
  let total = NO_UTILISATION;
  for (const each of counts) total = addUtilisation(total, each);
  return total;
}

/** Sums rows by a key, keeping the keys in the order they first appear. */
export function groupUtilisation<Row extends UtilisationCounts, Key>(
  rows: Iterable<Row>,
  keyOf: (row: Row) => Key,
): Map<Key, UtilisationCounts> {
  const groups = new Map<Key, UtilisationCounts>();
  for (const row of rows) {
    const key = keyOf(row);
    groups.set(key, addUtilisation(groups.get(key) ?? NO_UTILISATION, row));
  }
  return groups;
}

/**
 * The weekdays with the highest utilisation, compared exactly (not after rounding); all of them on a tie, Monday
 * first. Weekdays without available desk-days or without any booking are never a peak; none at all gives [].
 */
export function peakWeekdays(
  weekdays: readonly { readonly weekday: Weekday; readonly counts: UtilisationCounts }[],
): Weekday[] {
  const candidates = weekdays.filter((day) => day.counts.availableDeskDays > 0 && day.counts.bookedHalfDays > 0);
  let best: { booked: number; available: number } | undefined;
  let peaks: Weekday[] = [];
  for (const { weekday, counts } of candidates) {
    const current = { booked: counts.bookedHalfDays, available: counts.availableDeskDays };
    // a/b > c/d  ⇔  a·d > c·b for positive b and d: no division, no rounding.
    const comparison = best === undefined ? 1 : current.booked * best.available - best.booked * current.available;
    if (comparison > 0) {
      best = current;
      peaks = [weekday];
    } else if (comparison === 0) {
      peaks.push(weekday);
    }
  }
  return peaks.sort((a, b) => a - b);
}

export type UtilisationRangeCheck =
  | { readonly ok: true; readonly from: CivilDate; readonly to: CivilDate; readonly days: number }
  | { readonly ok: false; readonly reason: 'MALFORMED_FROM' | 'MALFORMED_TO' | 'REVERSED' | 'TOO_LONG' };

/** A range of civil dates, both ends included, of 1 to `MAX_UTILISATION_RANGE_DAYS` days. */
export function checkUtilisationRange(from: string, to: string): UtilisationRangeCheck {
  const start = parseCivilDate(from);
  if (!start.ok) return { ok: false, reason: 'MALFORMED_FROM' };
  const end = parseCivilDate(to);
  if (!end.ok) return { ok: false, reason: 'MALFORMED_TO' };
  const days = daysBetween(start.date, end.date) + 1;
  if (days < 1) return { ok: false, reason: 'REVERSED' };
  if (days > MAX_UTILISATION_RANGE_DAYS) return { ok: false, reason: 'TOO_LONG' };
  return { ok: true, from: start.date, to: end.date, days };
}

/** The four weeks before `today` (today not included): the range a report shows first. */
export function defaultUtilisationRange(today: CivilDate): { readonly from: CivilDate; readonly to: CivilDate } {
  return { from: addDays(today, -28), to: addDays(today, -1) };
}

/**
 * The Land-wide public holidays of `lands` from `from` to `to` (both included), as two parallel lists for a set-based
 * query (`unnest($lands, $dates)`).
 */
export function holidaysInRange(
  from: CivilDate,
  to: CivilDate,
  lands: readonly Land[] = LANDS,
): { readonly lands: Land[]; readonly dates: CivilDate[] } {
  const result = { lands: [] as Land[], dates: [] as CivilDate[] };
  for (const land of lands) {
    for (let year = yearOf(from); year <= yearOf(to); year += 1) {
      for (const holiday of publicHolidays(year, land)) {
        if (holiday.date < from || holiday.date > to) continue;
        result.lands.push(land);
        result.dates.push(holiday.date);
      }
    }
  }
  return result;
}

/**
 * Today and the wall-clock time in the office zone at `now`: a booking is due once its day is before today, or it
 * is today and its check-in deadline (a time of day in Europe/Berlin) has passed.
 */
export function officeClock(now: Date = new Date()): { readonly today: CivilDate; readonly time: string } {
  const local = DateTime.fromJSDate(now, { zone: OFFICE_ZONE });
  const today = local.toISODate();
  if (!local.isValid || today === null) throw new RangeError(`Invalid instant: ${String(now)}`);
  return { today: today as CivilDate, time: local.toFormat('HH:mm:ss') };
}

/**
 * A rate as a percentage with one decimal, e.g. 0.575 → "57,5" (German) or "57.5" (English); empty for null. Works
 * on the per-mille integer, so the text never shows a binary fraction.
 */
export function percentText(value: number | null, decimalMark: ',' | '.'): string {
  if (value === null) return '';
  const permille = Math.round(value * RATE_SCALE);
  return `${Math.trunc(permille / 10)}${decimalMark}${permille % 10}`;
}

/** A desk-day count (whole or half) with the language's decimal mark: 12.5 → "12,5" in German. */
export function deskDaysText(value: number, decimalMark: ',' | '.'): string {
  return Number.isInteger(value) ? String(value) : String(value).replace('.', decimalMark);
}
