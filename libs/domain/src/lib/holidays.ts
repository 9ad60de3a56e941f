import Holidays from 'date-holidays';

import { type CivilDate, yearOf } from './civil-date.js';
import { type Land } from './land.js';

/**
 * Public holidays per Land, from `date-holidays` (see the README for why this library and not `feiertagejs`).
 *
 * Land-wide only: a holiday counts when it holds in the whole Land. Holidays that hold only in parts of a Land —
 * Mariä Himmelfahrt in Bavaria's mostly Catholic municipalities, the Augsburger Friedensfest in Augsburg,
 * Fronleichnam in some municipalities of Sachsen and Thüringen — are not in this set: refusing a booking on a day
 * that is a working day at the office would be wrong with no remedy, while a facility manager can close an office on
 * a local holiday with a closure. They are listed by `regionalPublicHolidays` so a screen can suggest that closure;
 * once offices are mapped to the library's regions (from the municipality's AGS), the API can be exact.
 */
export interface PublicHoliday {
  readonly date: CivilDate;
  /** The German name, e.g. "Tag der Deutschen Einheit"; it is a proper name and used as such in English too. */
  readonly name: string;
}

/** A holiday that holds only in parts of a Land. */
export interface RegionalPublicHoliday extends PublicHoliday {
  /** Where it holds, as the library names those parts (e.g. "Stadt Augsburg"). */
  readonly heldIn: readonly string[];
}

const COUNTRY = 'DE';
const LIBRARY_OPTIONS = { types: ['public' as const], languages: ['de'] };

const calendars = new Map<string, Holidays>();
const yearCache = new Map<string, ReadonlyMap<CivilDate, PublicHoliday>>();

/** The public holiday of `land` on `date`, or undefined on a working day. */
export function publicHoliday(date: CivilDate, land: Land): PublicHoliday | undefined {
  return holidaysOfYear(yearOf(date), land).get(date);
}

/** All Land-wide public holidays of `land` in `year`, in date order. */
export function publicHolidays(year: number, land: Land): readonly PublicHoliday[] {
  return [...holidaysOfYear(year, land).values()];
}

/** Public holidays that hold only in parts of `land` in `year` (not in `publicHolidays`), in date order. */
export function regionalPublicHolidays(year: number, land: Land): readonly RegionalPublicHoliday[] {
  const landWide = holidaysOfYear(year, land);
  const regional = new Map<string, { date: CivilDate; name: string; heldIn: string[] }>();
  const regions = calendarOf(land).getRegions(COUNTRY, land, 'de') ?? {};
  for (const [code, regionName] of Object.entries(regions)) {
    for (const holiday of holidaysFromLibrary(calendarOf(land, code), year)) {
      if (landWide.has(holiday.date)) continue;
      const key = `${holiday.date} ${holiday.name}`;
      const known = regional.get(key) ?? { ...holiday, heldIn: [] };
      known.heldIn.push(regionName);
      regional.set(key, known);
    }
  }
  return [...regional.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function holidaysOfYear(year: number, land: Land): ReadonlyMap<CivilDate, PublicHoliday> {
  if (!Number.isInteger(year)) {
    throw new RangeError(`Not a year: ${year}`);
  }
  const key = `${land} ${year}`;
  const cached = yearCache.get(key);
  if (cached) return cached;
  const byDate = new Map<CivilDate, PublicHoliday>();
  for (const holiday of holidaysFromLibrary(calendarOf(land), year)) {
    const sameDay = byDate.get(holiday.date);
    // Two holidays on one day (1 May was Christi Himmelfahrt in 2008): name both.
    byDate.set(holiday.date, sameDay ? { date: holiday.date, name: `${sameDay.name} / ${holiday.name}` } : holiday);
  }
  yearCache.set(key, byDate);
  return byDate;
}

/**
 * The library's holidays of a year as civil dates. Its `date` field is the local date as text
 * ("2027-10-03 00:00:00"), independent of the machine's zone; its `start` is an instant and is not used.
 */
function holidaysFromLibrary(calendar: Holidays, year: number): PublicHoliday[] {
  return calendar
    .getHolidays(year, 'de')
    .filter((holiday) => holiday.type === 'public')
    .map((holiday) => ({ date: holiday.date.slice(0, 10) as CivilDate, name: holiday.name }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function calendarOf(land: Land, region?: string): Holidays {
  const key = region === undefined ? land : `${land}-${region}`;
  let calendar = calendars.get(key);
  if (!calendar) {
    calendar =
      region === undefined
        ? new Holidays(COUNTRY, land, LIBRARY_OPTIONS)
        : new Holidays(COUNTRY, land, region, LIBRARY_OPTIONS);
    calendars.set(key, calendar);
  }
  return calendar;
}
