import type { Booking, PresenceAnswer, PresencePeriodProgress, PresencePolicy } from '../core/graphql/api.types';
import { formatGermanDate, OFFICE_ZONE } from '../shared/date/civil-date';
import { DAY_PART_LABELS } from '../shared/labels/day-part.labels';
import { germanDate } from './data-access/week-dates';

const CHECK_IN_TIME = new Intl.DateTimeFormat('de-DE', { timeZone: OFFICE_ZONE, hour: '2-digit', minute: '2-digit' });

/** The half days' times as the calendar shows them (the API's `HALF_DAY_TIMES`). */
const PART_TIMES: Readonly<Record<Booking['part'], string>> = {
  MORNING: '8:00 bis 12:30 Uhr',
  AFTERNOON: '12:30 bis 17:00 Uhr',
  FULL_DAY: 'ganztägig',
};

/** "Vormittag (8:00 bis 12:30 Uhr)". */
export function partText(part: Booking['part']): string {
  return `${DAY_PART_LABELS[part]} (${PART_TIMES[part]})`;
}

/** A booking's status and check-in in words, never by colour alone. */
export function bookingStatusText(booking: Pick<Booking, 'status' | 'checkedInAt'>): string {
  switch (booking.status) {
    case 'BOOKED':
      return 'Gebucht, noch nicht eingecheckt';
    case 'CHECKED_IN':
      return booking.checkedInAt
        ? `Eingecheckt um ${CHECK_IN_TIME.format(new Date(booking.checkedInAt))} Uhr`
        : 'Eingecheckt';
    case 'RELEASED':
      return 'Freigegeben, weil nicht rechtzeitig eingecheckt';
    case 'CANCELLED':
      return 'Storniert';
  }
}

/**
 * What the download button says to a screen reader: its visible text first (so voice control finds it, WCAG 2.5.3),
 * then which booking goes into the calendar.
 */
export function downloadLabel(booking: Pick<Booking, 'deskCode' | 'date' | 'part'>): string {
  return `In Kalender (.ics): Platz ${booking.deskCode} am ${formatGermanDate(booking.date)}, ${DAY_PART_LABELS[booking.part]}`;
}

export function answerText(answer: PresenceAnswer | null): string {
  switch (answer) {
    case 'ATTENDING':
      return 'Sie haben zugesagt';
    case 'AWAY':
      return 'Sie haben abgesagt';
    case null:
      return 'Sie haben noch nicht geantwortet';
  }
}

const WEEKDAY_NAMES = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];

/** "mindestens 2 Bürotage pro Woche, feste Tage: Montag und Mittwoch". */
export function policyText(policy: PresencePolicy): string {
  const days = policy.minDays === 1 ? '1 Bürotag' : `${policy.minDays} Bürotage`;
  const base = `mindestens ${days} pro ${policy.period === 'WEEK' ? 'Woche' : 'Monat'}`;
  const fixed = policy.fixedWeekdays.map((day) => WEEKDAY_NAMES[day - 1] ?? String(day));
  if (fixed.length === 0) return base;
  const list = fixed.length === 1 ? fixed[0] : `${fixed.slice(0, -1).join(', ')} und ${fixed.at(-1)}`;
  return `${base}, feste ${fixed.length === 1 ? 'Tag' : 'Tage'}: ${list}`;
}

/** "23. November 2026 bis 29. November 2026: 1 von 2 Bürotagen geplant – noch nicht erfüllt". */
export function periodText(period: PresencePeriodProgress): string {
  const planned = `${period.planned} von ${period.required} ${period.required === 1 ? 'Bürotag' : 'Bürotagen'} geplant`;
  return (
    `${germanDate(period.from)} bis ${germanDate(period.to)}: ${planned} – ` +
    (period.met ? 'erfüllt' : 'noch nicht erfüllt')
  );
}
