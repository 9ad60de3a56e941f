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

const GERMAN_DATE = new Intl.DateTimeFormat('de-DE', {
  // The civil date is placed at noon UTC and read in UTC: no zone can move it to another day.
  timeZone: 'UTC',
  weekday: 'short',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** "2026-11-24" → "Di., 24.11.2026". Malformed input is returned as it is. */
export function formatGermanDate(civilDate: string): string {
  const parts = civilDateParts(civilDate);
  if (parts === null) {
    return civilDate;
  }
  const instant = new Date(Date.UTC(parts.year, parts.month - 1, parts.day, 12));
  const byType = new Map(GERMAN_DATE.formatToParts(instant).map((part) => [part.type, part.value]));
  const weekday = byType.get('weekday') ?? '';
  const dotted = `${byType.get('day')}.${byType.get('month')}.${byType.get('year')}`;
  // Some engines write "Di" without the dot.
  return `${weekday.endsWith('.') ? weekday : `${weekday}.`}, ${dotted}`;
}
