import type { AppLanguage } from '../../core/i18n/language';
import { activeLanguage, intlLocale } from '../../core/i18n/language';

/** Every date rule of nahbar is evaluated in this zone. */
export const OFFICE_ZONE = 'Europe/Berlin';

const CIVIL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parts of a civil date "YYYY-MM-DD", or null when it is malformed or does not exist. */
function civilDateParts(value: string): { year: number; month: number; day: number } | null {
  const match = CIVIL_DATE_PATTERN.exec(value);
  if (match === null) {
    return null;
  }
  const [, y, m, d] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return null;
  }
  return { year, month, day };
}

/** True for a day that exists, written exactly as "YYYY-MM-DD". */
export function isCivilDate(value: unknown): value is string {
  return typeof value === 'string' && civilDateParts(value) !== null;
}

/** Today's civil date in Europe/Berlin at instant `now`, whatever the browser's zone. */
export function todayInOfficeZone(now: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: OFFICE_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The civil date placed at noon UTC: read in UTC, no zone can move it to another day. */
function noonUtc(parts: { year: number; month: number; day: number }): Date {
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day, 12));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One Intl formatter per locale and options, kept (they are costly to build). */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

/** A civil date "YYYY-MM-DD" with `options`, as the people of `locale` write it; malformed input as it is. */
export function formatCivilDateWith(
  civilDate: string,
  options: Intl.DateTimeFormatOptions,
  language: AppLanguage = activeLanguage(),
): string {
  const parts = civilDateParts(civilDate);
  return parts === null
    ? civilDate
    : dateTimeFormat(intlLocale(language), { ...options, timeZone: 'UTC' }).format(noonUtc(parts));
}

/**
 * "2026-11-24" → "Di., 24.11.2026" in German, "Tue, 24 Nov 2026" in English (the active language unless given).
 * Malformed input is returned as it is.
 */
export function formatCivilDate(civilDate: string, language: AppLanguage = activeLanguage()): string {
  const parts = civilDateParts(civilDate);
  if (parts === null) {
    return civilDate;
  }
  const instant = noonUtc(parts);
  if (language === 'en') {
    return dateTimeFormat(intlLocale('en'), {
      timeZone: 'UTC',
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    }).format(instant);
  }
  const german = dateTimeFormat(intlLocale('de'), {
    timeZone: 'UTC',
    weekday: 'short',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  });
  const byType = new Map(german.formatToParts(instant).map((part) => [part.type, part.value]));
  const weekday = byType.get('weekday') ?? '';
  const dotted = `${byType.get('day')}.${byType.get('month')}.${byType.get('year')}`;
  // Some engines write "Di" without the dot.
  return `${weekday.endsWith('.') ? weekday : `${weekday}.`}, ${dotted}`;
}

/** "Montag" for 1 … "Sonntag" for 7 (ISO weekdays) in German, "Monday" … "Sunday" in English. */
export function weekdayName(isoWeekday: number, language: AppLanguage = activeLanguage()): string {
  if (!Number.isInteger(isoWeekday) || isoWeekday < 1 || isoWeekday > 7) return String(isoWeekday);
  // 2024-01-01 was a Monday.
  return formatCivilDateWith(`2024-01-0${isoWeekday}`, { weekday: 'long' }, language);
}
