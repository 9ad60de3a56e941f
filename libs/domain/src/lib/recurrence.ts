import { type BookingDecision } from './booking-decision.js';
import { type LocalizedBookingRefusal } from './booking-rules.js';
import {
  addDays,
  type CivilDate,
  compareCivilDates,
  daysBetween,
  isWeekday,
  type Weekday,
  weekdayOf,
} from './civil-date.js';
import { formatCivilDate } from './civil-date-format.js';
import { type LocalizedText } from './localized-text.js';

/** A series covers at most this many dates: a year of daily bookings, no more. */
export const MAX_RECURRENCE_DATES = 366;

/** E.g. every Tuesday and Thursday from 2027-03-02 for 8 weeks, or until 2027-06-30 (inclusive). */
export type RecurrenceSpec = {
  readonly weekdays: readonly Weekday[];
  readonly from: CivilDate;
} & (
  | { readonly until: CivilDate; readonly weeks?: undefined }
  | { readonly weeks: number; readonly until?: undefined }
);

export const RecurrenceRefusalCode = {
  NoWeekdays: 'NO_WEEKDAYS',
  InvalidWeeks: 'INVALID_WEEKS',
  UntilBeforeFrom: 'UNTIL_BEFORE_FROM',
  NoDates: 'NO_DATES',
  TooManyDates: 'TOO_MANY_DATES',
} as const;
export type RecurrenceRefusalCode = (typeof RecurrenceRefusalCode)[keyof typeof RecurrenceRefusalCode];

export type RecurrenceExpansion =
  | { readonly ok: true; readonly dates: readonly CivilDate[] }
  | {
      readonly ok: false;
      readonly code: RecurrenceRefusalCode;
      readonly message: string;
      readonly messages: LocalizedText;
    };

/**
 * The civil dates of a series, in order. Walks calendar days (never hours), so a series that crosses a
 * daylight-saving change keeps its weekdays. Refuses a series of more than MAX_RECURRENCE_DATES dates.
 */
export function expandRecurrence(spec: RecurrenceSpec): RecurrenceExpansion {
  const weekdays = new Set(spec.weekdays);
  if (weekdays.size === 0 || ![...weekdays].every(isWeekday)) {
    return refuse(RecurrenceRefusalCode.NoWeekdays, {
      de: 'Bitte wählen Sie mindestens einen Wochentag (Montag bis Sonntag) für die Serie.',
      en: 'Please choose at least one weekday (Monday to Sunday) for the series.',
    });
  }
  let last: CivilDate;
  if (spec.until !== undefined) {
    if (compareCivilDates(spec.until, spec.from) < 0) {
      return refuse(RecurrenceRefusalCode.UntilBeforeFrom, {
        de: `Das Ende der Serie (${formatCivilDate(spec.until, 'de')}) liegt vor ihrem Beginn (${formatCivilDate(spec.from, 'de')}). Bitte prüfen Sie die beiden Daten.`,
        en: `The series ends (${formatCivilDate(spec.until, 'en')}) before it begins (${formatCivilDate(spec.from, 'en')}). Please check both dates.`,
      });
    }
    last = spec.until;
  } else {
    if (!Number.isInteger(spec.weeks) || spec.weeks < 1) {
      return refuse(RecurrenceRefusalCode.InvalidWeeks, {
        de: 'Bitte geben Sie die Dauer der Serie als ganze Zahl von Wochen an, mindestens 1.',
        en: 'Please give the length of the series as a whole number of weeks, at least 1.',
      });
    }
    // Cut before multiplying: a huge number of weeks must not make the walk long (it stops at the limit anyway).
    last = addDays(spec.from, Math.min(spec.weeks, MAX_RECURRENCE_DATES + 1) * 7 - 1);
  }

  const dates: CivilDate[] = [];
  const firstWeekday = weekdayOf(spec.from);
  const span = daysBetween(spec.from, last);
  for (let offset = 0; offset <= span; offset += 1) {
    const weekday = (((firstWeekday - 1 + offset) % 7) + 1) as Weekday;
    if (!weekdays.has(weekday)) continue;
    if (dates.length === MAX_RECURRENCE_DATES) {
      return refuse(RecurrenceRefusalCode.TooManyDates, {
        de: `Eine Serie kann höchstens ${MAX_RECURRENCE_DATES} Tage umfassen. Bitte wählen Sie einen kürzeren Zeitraum.`,
        en: `A series can cover at most ${MAX_RECURRENCE_DATES} days. Please choose a shorter period.`,
      });
    }
    dates.push(addDays(spec.from, offset));
  }
  if (dates.length === 0) {
    return refuse(RecurrenceRefusalCode.NoDates, {
      de: 'In diesem Zeitraum liegt keiner der gewählten Wochentage. Bitte wählen Sie einen längeren Zeitraum oder andere Wochentage.',
      en: 'None of the chosen weekdays falls in this period. Please choose a longer period or other weekdays.',
    });
  }
  return { ok: true, dates };
}

export type RecurringDateOutcome =
  | { readonly date: CivilDate; readonly status: 'BOOKED' }
  | { readonly date: CivilDate; readonly status: 'REFUSED'; readonly refusal: LocalizedBookingRefusal }
  /** Bookable, but not booked: all-or-nothing was asked for and another date of the series was refused. */
  | { readonly date: CivilDate; readonly status: 'WITHHELD'; readonly messages: LocalizedText };

export interface RecurringDecision {
  /** One outcome per date, in the order given. */
  readonly outcomes: readonly RecurringDateOutcome[];
  /** The dates to book (status BOOKED), in order. */
  readonly toBook: readonly CivilDate[];
  /** True when every date is to be booked. */
  readonly complete: boolean;
}

/**
 * Decides every date of a series with `decideOne`, which is given the dates accepted so far so that it can count them
 * (the person's quota, the desk, the cap). With `allOrNothing`, one refusal withholds all other dates. Pure: the
 * caller books `toBook`, in one transaction when all-or-nothing.
 */
export function decideRecurring(
  dates: readonly CivilDate[],
  decideOne: (date: CivilDate, acceptedSoFar: readonly CivilDate[]) => BookingDecision,
  options: { readonly allOrNothing: boolean },
): RecurringDecision {
  const accepted: CivilDate[] = [];
  const decided: RecurringDateOutcome[] = dates.map((date) => {
    const decision = decideOne(date, [...accepted]);
    if (!decision.ok) {
      return { date, status: 'REFUSED', refusal: decision.refusal };
    }
    accepted.push(date);
    return { date, status: 'BOOKED' };
  });
  const anyRefused = accepted.length < dates.length;
  if (options.allOrNothing && anyRefused) {
    return {
      outcomes: decided.map((outcome) =>
        outcome.status === 'BOOKED' ? { date: outcome.date, status: 'WITHHELD', messages: WITHHELD_TEXT } : outcome,
      ),
      toBook: [],
      complete: false,
    };
  }
  return { outcomes: decided, toBook: accepted, complete: !anyRefused };
}

const WITHHELD_TEXT: LocalizedText = {
  de: 'Nicht gebucht: Sie wollten alle Tage oder keinen, und an mindestens einem anderen Tag ist keine Buchung möglich.',
  en: 'Not booked: you asked for all days or none, and at least one other day cannot be booked.',
};

function refuse(code: RecurrenceRefusalCode, messages: LocalizedText): RecurrenceExpansion {
  return { ok: false, code, message: messages.en, messages };
}
