/**
 * Civil dates "YYYY-MM-DD" (Europe/Berlin) for the week view. The arithmetic runs on UTC noon, so no time zone or
 * daylight-saving change can move a date to another day.
 */

import { intlLocale } from '../../core/i18n/language';
import { dateTimeFormat } from '../../shared/date/civil-date';

function toUtcNoon(date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1, 12));
}

export function addDays(date: string, days: number): string {
  const instant = toUtcNoon(date);
  instant.setUTCDate(instant.getUTCDate() + days);
  return instant.toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = toUtcNoon(date).getUTCDay();
  return day === 0 ? 7 : day;
}

export interface Week {
  /** Monday. */
  readonly from: string;
  /** Sunday. */
  readonly to: string;
}

/** Monday to Sunday of the week `date` falls in. */
export function weekOf(date: string): Week {
  const from = addDays(date, 1 - isoWeekday(date));
  return { from, to: addDays(from, 6) };
}

/** The seven dates of a week, Monday first. */
export function datesOf(week: Week): string[] {
  return Array.from({ length: 7 }, (_, index) => addDays(week.from, index));
}

/** ISO 8601 week number of `date` (the week with the year's first Thursday is week 1). */
export function isoWeekNumber(date: string): number {
  const thursday = toUtcNoon(addDays(date, 4 - isoWeekday(date)));
  const firstOfYear = Date.UTC(thursday.getUTCFullYear(), 0, 1, 12);
  return Math.floor((thursday.getTime() - firstOfYear) / 86_400_000 / 7) + 1;
}

const LONG_DATE = (): Intl.DateTimeFormat =>
  dateTimeFormat(intlLocale(), {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });

const SHORT_DATE = (): Intl.DateTimeFormat =>
  dateTimeFormat(intlLocale(), {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });

/** "2026-11-23" → "Montag, 23. November 2026". */
export function longGermanDate(date: string): string {
  return LONG_DATE().format(toUtcNoon(date));
}

/** "2026-11-23" → "23. November 2026". */
export function germanDate(date: string): string {
  return SHORT_DATE().format(toUtcNoon(date));
}

/** "Woche 48: 23. bis 29. November 2026", the heading of a week. */
export function weekLabel(week: Week): string {
  return $localize`Woche ${isoWeekNumber(week.from)}:week:: ${germanDate(week.from)}:from: bis ${germanDate(week.to)}:to:`;
}
