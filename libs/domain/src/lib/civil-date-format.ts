import { type CivilDate, type Weekday } from './civil-date.js';
import { type DayPart } from './day-part.js';
import { type Language } from './localized-text.js';

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const WEEKDAY_NAMES: Readonly<Record<Language, readonly string[]>> = {
  de: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

/** "On Mondays" as one word in German ("montags") and as a plural in English ("Mondays"). */
const WEEKDAY_HABITUAL: Readonly<Record<Language, readonly string[]>> = {
  de: ['montags', 'dienstags', 'mittwochs', 'donnerstags', 'freitags', 'samstags', 'sonntags'],
  en: ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'],
};

const DAY_PART_PHRASES: Readonly<Record<Language, Readonly<Record<DayPart, string>>>> = {
  de: { MORNING: 'vormittags', AFTERNOON: 'nachmittags', FULL_DAY: 'ganztags' },
  en: { MORNING: 'in the morning', AFTERNOON: 'in the afternoon', FULL_DAY: 'for the full day' },
};

/**
 * A civil date as people read it: "03.10.2027" in German, "3 October 2027" in English.
 * Built from the date's digits, never through a JS `Date`, so no zone can shift the day.
 */
export function formatCivilDate(date: CivilDate, language: Language): string {
  const [year, month, day] = date.split('-');
  if (language === 'de') {
    return `${day}.${month}.${year}`;
  }
  return `${Number(day)} ${MONTHS_EN[Number(month) - 1] ?? month} ${year}`;
}

/** "Montag" / "Monday". */
export function weekdayName(weekday: Weekday, language: Language): string {
  return WEEKDAY_NAMES[language][weekday - 1] ?? String(weekday);
}

/** "montags" / "Mondays": the form used for a weekday that repeats. */
export function weekdayHabitual(weekday: Weekday, language: Language): string {
  return WEEKDAY_HABITUAL[language][weekday - 1] ?? String(weekday);
}

/** "vormittags" / "in the morning", to follow a date. */
export function dayPartPhrase(part: DayPart, language: Language): string {
  return DAY_PART_PHRASES[language][part];
}

/** "a, b und c" / "a, b and c". */
export function listOf(items: readonly string[], language: Language): string {
  if (items.length <= 1) {
    return items.join('');
  }
  const conjunction = language === 'de' ? 'und' : 'and';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1] ?? ''}`;
}
