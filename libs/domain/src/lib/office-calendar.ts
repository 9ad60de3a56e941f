import { type CivilDate, compareCivilDates, type Weekday, weekdayOf } from './civil-date.js';
import { type PublicHoliday, publicHoliday } from './holidays.js';
import { type Land } from './land.js';

/** A period in which an office is closed, e.g. for renovation or between Christmas and New Year. */
export interface Closure {
  readonly from: CivilDate;
  /** The last closed day (inclusive). */
  readonly to: CivilDate;
  /** Why, in the facility manager's words; shown to people who try to book. */
  readonly reason: string;
}

/** What decides on which days an office is open. */
export interface OfficeCalendar {
  /** The office's federal state: its public holidays apply. */
  readonly land: Land;
  readonly openingWeekdays: ReadonlySet<Weekday>;
  readonly closures: readonly Closure[];
}

export type ClosedReason =
  | { readonly code: 'HOLIDAY'; readonly holiday: PublicHoliday; readonly land: Land }
  | { readonly code: 'CLOSURE'; readonly closure: Closure }
  | { readonly code: 'CLOSED_WEEKDAY'; readonly weekday: Weekday };

/**
 * Why the office is closed on `date`, or undefined when it is open. A holiday is named first (it explains the day
 * best), then a closure, then the weekday.
 */
export function whyClosed(calendar: OfficeCalendar, date: CivilDate): ClosedReason | undefined {
  const holiday = publicHoliday(date, calendar.land);
  if (holiday) {
    return { code: 'HOLIDAY', holiday, land: calendar.land };
  }
  const closure = calendar.closures.find((candidate) => closureCovers(candidate, date));
  if (closure) {
    return { code: 'CLOSURE', closure };
  }
  const weekday = weekdayOf(date);
  if (!calendar.openingWeekdays.has(weekday)) {
    return { code: 'CLOSED_WEEKDAY', weekday };
  }
  return undefined;
}

export function isOpenOn(calendar: OfficeCalendar, date: CivilDate): boolean {
  return whyClosed(calendar, date) === undefined;
}

/** Whether `date` lies within the closure (both ends inclusive). */
export function closureCovers(closure: Closure, date: CivilDate): boolean {
  return compareCivilDates(closure.from, date) <= 0 && compareCivilDates(date, closure.to) <= 0;
}
