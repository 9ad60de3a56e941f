import type {
  BookRecurringInput,
  DayPart,
  RecurringBookingResult,
  RecurringOutcomeStatus,
} from '../core/graphql/api.types';
import { refusalText } from '../core/i18n/language';
import { formatCivilDate, isCivilDate, weekdayName } from '../shared/date/civil-date';

/** Weekdays offered in the recurring booking dialog (ISO numbers, 1 = Monday). */
export const RECURRING_WEEKDAYS: readonly { readonly value: number; readonly label: string }[] = [
  { value: 1, label: weekdayName(1) },
  { value: 2, label: weekdayName(2) },
  { value: 3, label: weekdayName(3) },
  { value: 4, label: weekdayName(4) },
  { value: 5, label: weekdayName(5) },
];

export const MIN_WEEKS = 1;
export const MAX_WEEKS = 26;
export const DEFAULT_WEEKS = 4;

/** What the person fills in; `weeks` as typed, so that a wrong entry can be explained. */
export interface RecurringForm {
  readonly weekdays: readonly number[];
  readonly weeks: string;
  readonly part: DayPart;
  readonly allOrNothing: boolean;
}

export interface RecurringFormProblems {
  readonly weekdays?: string;
  readonly weeks?: string;
}

/** ISO weekday of a civil date "YYYY-MM-DD": 1 = Monday … 7 = Sunday. */
export function isoWeekday(civilDate: string): number {
  const [year, month, day] = civilDate.split('-').map(Number);
  const weekday = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The form as it opens: the weekday of the chosen date (when Monday to Friday), four weeks, the page's part. */
export function defaultRecurringForm(date: string, part: DayPart): RecurringForm {
  const weekday = isCivilDate(date) ? isoWeekday(date) : 0;
  return {
    weekdays: RECURRING_WEEKDAYS.some((choice) => choice.value === weekday) ? [weekday] : [],
    weeks: String(DEFAULT_WEEKS),
    part,
    allOrNothing: false,
  };
}

function weeksOf(form: RecurringForm): number | null {
  const text = form.weeks.trim();
  if (!/^\d+$/.test(text)) {
    return null;
  }
  const weeks = Number(text);
  return weeks >= MIN_WEEKS && weeks <= MAX_WEEKS ? weeks : null;
}

/** What is wrong with the form, in plain German, per field; empty when it can be sent. */
export function recurringFormProblems(form: RecurringForm): RecurringFormProblems {
  return {
    ...(form.weekdays.length === 0 ? { weekdays: $localize`Bitte wählen Sie mindestens einen Wochentag.` } : {}),
    ...(weeksOf(form) === null
      ? { weeks: $localize`Bitte geben Sie eine ganze Zahl von ${MIN_WEEKS} bis ${MAX_WEEKS} ein.` }
      : {}),
  };
}

export function hasProblems(problems: RecurringFormProblems): boolean {
  return problems.weekdays !== undefined || problems.weeks !== undefined;
}

/** The mutation input for a valid form; null when the form has problems. */
export function recurringInput(deskId: string, from: string, form: RecurringForm): BookRecurringInput | null {
  const weeks = weeksOf(form);
  if (weeks === null || form.weekdays.length === 0) {
    return null;
  }
  return {
    deskId,
    from,
    part: form.part,
    weeks,
    weekdays: [...new Set(form.weekdays)].sort((a, b) => a - b),
    allOrNothing: form.allOrNothing,
  };
}

/** One line of the result table. */
export interface RecurringResultRow {
  readonly date: string;
  /** e.g. "Di., 24.11.2026" */
  readonly dateText: string;
  readonly status: RecurringOutcomeStatus;
  readonly text: string;
}

export function recurringResultRows(result: RecurringBookingResult): RecurringResultRow[] {
  return result.outcomes.map((outcome) => ({
    date: outcome.date,
    dateText: formatCivilDate(outcome.date),
    status: outcome.status,
    text:
      outcome.status === 'BOOKED'
        ? $localize`:recurring booking outcome:Gebucht`
        : outcome.status === 'WITHHELD'
          ? $localize`Nicht gebucht, weil nicht alle Termine frei waren`
          : $localize`Nicht gebucht: ${
              outcome.refusal ? refusalText(outcome.refusal) : $localize`Der Termin ist nicht möglich.`
            }:reason:`,
  }));
}

/** e.g. "5 von 8 Terminen gebucht." */
export function recurringSummary(result: RecurringBookingResult): string {
  const total = result.outcomes.length;
  const booked = result.bookedCount;
  return total === 1
    ? $localize`${booked}:booked: von 1 Termin gebucht.`
    : $localize`${booked}:booked: von ${total}:total: Terminen gebucht.`;
}
