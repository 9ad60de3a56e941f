/**
 * Civil-date arithmetic for the team pages. Dates are "YYYY-MM-DD" strings (Europe/Berlin); the arithmetic runs
 * on UTC noon, so no time zone or daylight-saving change can move a date to another day.
 */

import { activeLanguage, intlLocale } from '../../core/i18n/language';
import { dateTimeFormat } from '../../shared/date/civil-date';

function toUtcNoon(date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1, 12));
}

function fromUtc(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const instant = toUtcNoon(date);
  instant.setUTCDate(instant.getUTCDate() + days);
  return fromUtc(instant);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = toUtcNoon(date).getUTCDay();
  return day === 0 ? 7 : day;
}

export function isWeekend(date: string): boolean {
  return isoWeekday(date) > 5;
}

export interface DateRange {
  readonly from: string;
  readonly to: string;
}

/** Monday to Sunday of the week `date` falls in. */
export function weekOf(date: string): DateRange {
  const from = addDays(date, 1 - isoWeekday(date));
  return { from, to: addDays(from, 6) };
}

/** First to last day of the month `date` falls in. */
export function monthOf(date: string): DateRange {
  const instant = toUtcNoon(date);
  const first = new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), 1, 12));
  const last = new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth() + 1, 0, 12));
  return { from: fromUtc(first), to: fromUtc(last) };
}

/** The same day of the month `months` months on, or the month's last day when it is shorter. */
export function addMonths(date: string, months: number): string {
  const instant = toUtcNoon(date);
  const target = new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth() + months, 1, 12));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0, 12)).getUTCDate();
  target.setUTCDate(Math.min(instant.getUTCDate(), lastDay));
  return fromUtc(target);
}

const LONG_DATE = (): Intl.DateTimeFormat =>
  dateTimeFormat(intlLocale(), {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });

const DAY_AND_MONTH = (): Intl.DateTimeFormat =>
  dateTimeFormat(intlLocale(), { timeZone: 'UTC', day: 'numeric', month: 'long' });

const MONTH_AND_YEAR = (): Intl.DateTimeFormat =>
  dateTimeFormat(intlLocale(), { timeZone: 'UTC', month: 'long', year: 'numeric' });

const DAY_MONTH_YEAR = (): Intl.DateTimeFormat =>
  dateTimeFormat(intlLocale(), { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/** "2026-11-24" → "Dienstag, 24. November 2026" ("Tuesday 24 November 2026" in English). */
export function formatLongGermanDate(date: string): string {
  return LONG_DATE().format(toUtcNoon(date));
}

/** "2026-11-23".."2026-11-29" → "23. bis 29. November 2026"; across months "30. November bis 6. Dezember 2026". */
export function formatGermanRange(range: DateRange): string {
  const from = toUtcNoon(range.from);
  const to = toUtcNoon(range.to);
  if (activeLanguage() === 'en') {
    // "23–29 November 2026", "30 November – 6 December 2026"
    return DAY_MONTH_YEAR().formatRange(from, to);
  }
  const year = to.getUTCFullYear();
  if (from.getUTCFullYear() !== year) {
    return `${DAY_AND_MONTH().format(from)} ${from.getUTCFullYear()} bis ${DAY_AND_MONTH().format(to)} ${year}`;
  }
  if (from.getUTCMonth() === to.getUTCMonth()) {
    return `${from.getUTCDate()}. bis ${DAY_AND_MONTH().format(to)} ${year}`;
  }
  return `${DAY_AND_MONTH().format(from)} bis ${DAY_AND_MONTH().format(to)} ${year}`;
}

/** "2026-11-24" → "November 2026". */
export function formatGermanMonth(date: string): string {
  return MONTH_AND_YEAR().format(toUtcNoon(date));
}
