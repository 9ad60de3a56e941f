import type { Booking, PresenceAnswer, PresencePeriodProgress, PresencePolicy } from '../core/graphql/api.types';
import { intlLocale } from '../core/i18n/language';
import { dateTimeFormat, formatCivilDate, OFFICE_ZONE, weekdayName } from '../shared/date/civil-date';
import { DAY_PART_LABELS } from '../shared/labels/day-part.labels';
import { germanDate } from './data-access/week-dates';

const CHECK_IN_TIME = (): Intl.DateTimeFormat =>
  dateTimeFormat(intlLocale(), { timeZone: OFFICE_ZONE, hour: '2-digit', minute: '2-digit' });

/** The half days' times as the calendar shows them (the API's `HALF_DAY_TIMES`). */
const PART_TIMES: Readonly<Record<Booking['part'], string>> = {
  MORNING: $localize`8:00 bis 12:30 Uhr`,
  AFTERNOON: $localize`12:30 bis 17:00 Uhr`,
  FULL_DAY: $localize`ganztägig`,
};

/** "Vormittag (8:00 bis 12:30 Uhr)". */
export function partText(part: Booking['part']): string {
  return `${DAY_PART_LABELS[part]} (${PART_TIMES[part]})`;
}

/** A booking's status and check-in in words, never by colour alone. */
export function bookingStatusText(booking: Pick<Booking, 'status' | 'checkedInAt'>): string {
  switch (booking.status) {
    case 'BOOKED':
      return $localize`Gebucht, noch nicht eingecheckt`;
    case 'CHECKED_IN':
      return booking.checkedInAt
        ? $localize`Eingecheckt um ${CHECK_IN_TIME().format(new Date(booking.checkedInAt))}:time: Uhr`
        : $localize`Eingecheckt`;
    case 'RELEASED':
      return $localize`Freigegeben, weil nicht rechtzeitig eingecheckt`;
    case 'CANCELLED':
      return $localize`:booking status:Storniert`;
  }
}

/**
 * What the download button says to a screen reader: its visible text first (so voice control finds it, WCAG 2.5.3),
 * then which booking goes into the calendar.
 */
export function downloadLabel(booking: Pick<Booking, 'deskCode' | 'date' | 'part'>): string {
  return $localize`In Kalender (.ics): Platz ${booking.deskCode}:desk: am ${formatCivilDate(booking.date)}:date:, ${DAY_PART_LABELS[booking.part]}:part:`;
}

export function answerText(answer: PresenceAnswer | null): string {
  switch (answer) {
    case 'ATTENDING':
      return $localize`Sie haben zugesagt`;
    case 'AWAY':
      return $localize`Sie haben abgesagt`;
    case null:
      return $localize`Sie haben noch nicht geantwortet`;
  }
}

/** "Montag, Dienstag und Mittwoch" ("Monday, Tuesday and Wednesday"). */
function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return $localize`${names.slice(0, -1).join(', ')}:first: und ${names.at(-1)}:last:`;
}

/** "mindestens 2 Bürotage pro Woche, feste Tage: Montag und Mittwoch". */
export function policyText(policy: PresencePolicy): string {
  const n = policy.minDays;
  const base =
    policy.period === 'WEEK'
      ? n === 1
        ? $localize`mindestens 1 Bürotag pro Woche`
        : $localize`mindestens ${n}:days: Bürotage pro Woche`
      : n === 1
        ? $localize`mindestens 1 Bürotag pro Monat`
        : $localize`mindestens ${n}:days: Bürotage pro Monat`;
  const fixed = policy.fixedWeekdays.map((day) => weekdayName(day));
  if (fixed.length === 0) return base;
  return fixed.length === 1
    ? $localize`${base}:policy:, fester Tag: ${listOf(fixed)}:days:`
    : $localize`${base}:policy:, feste Tage: ${listOf(fixed)}:days:`;
}

/** "23. November 2026 bis 29. November 2026: 1 von 2 Bürotagen geplant – noch nicht erfüllt". */
export function periodText(period: PresencePeriodProgress): string {
  const planned =
    period.required === 1
      ? $localize`${period.planned}:planned: von 1 Bürotag geplant`
      : $localize`${period.planned}:planned: von ${period.required}:required: Bürotagen geplant`;
  const from = germanDate(period.from);
  const to = germanDate(period.to);
  return period.met
    ? $localize`${from}:from: bis ${to}:to:: ${planned}:planned: – erfüllt`
    : $localize`${from}:from: bis ${to}:to:: ${planned}:planned: – noch nicht erfüllt`;
}
