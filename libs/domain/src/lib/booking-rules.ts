import { type CivilDate, compareCivilDates, parseCivilDate, todayInOfficeZone } from './civil-date.js';
import { type LocalizedText } from './localized-text.js';
import { refusalTexts } from './refusal-texts.js';

/** Stable codes of the reasons a booking request is refused; they travel as GraphQL `extensions.code`. */
export const BookingRefusalCode = {
  InvalidDate: 'INVALID_DATE',
  DateInPast: 'DATE_IN_PAST',
  BeyondHorizon: 'BEYOND_HORIZON',
  Holiday: 'HOLIDAY',
  Closure: 'CLOSURE',
  ClosedWeekday: 'CLOSED_WEEKDAY',
  DeskBlocked: 'DESK_BLOCKED',
  DeskTaken: 'DESK_TAKEN',
  PersonAlreadyBooked: 'PERSON_ALREADY_BOOKED',
  OverQuota: 'OVER_QUOTA',
  OverCapacity: 'OVER_CAPACITY',
} as const;
export type BookingRefusalCode = (typeof BookingRefusalCode)[keyof typeof BookingRefusalCode];

/** The order in which `decideBooking` checks: the first reason that applies is the one given (see there why). */
export const BOOKING_REFUSAL_ORDER: readonly BookingRefusalCode[] = [
  BookingRefusalCode.InvalidDate,
  BookingRefusalCode.DateInPast,
  BookingRefusalCode.BeyondHorizon,
  BookingRefusalCode.Holiday,
  BookingRefusalCode.Closure,
  BookingRefusalCode.ClosedWeekday,
  BookingRefusalCode.DeskBlocked,
  BookingRefusalCode.DeskTaken,
  BookingRefusalCode.PersonAlreadyBooked,
  BookingRefusalCode.OverQuota,
  BookingRefusalCode.OverCapacity,
];

/** A refused booking request: a stable code and an English message, the shape the API's errors carry. */
export interface BookingRefusal {
  readonly code: BookingRefusalCode;
  /** In English (`messages.en` when the refusal has its texts). */
  readonly message: string;
  /** What was wrong and what to do, in German (the source) and English; set on every refusal this library makes. */
  readonly messages?: LocalizedText;
}

/** A refusal as this library makes it: always with its German and English texts. */
export interface LocalizedBookingRefusal extends BookingRefusal {
  readonly messages: LocalizedText;
}

export type DateCheck =
  | { readonly ok: true; readonly date: CivilDate }
  | { readonly ok: false; readonly refusal: LocalizedBookingRefusal };

export function bookingRefusal(code: BookingRefusalCode, messages: LocalizedText): LocalizedBookingRefusal {
  return { code, message: messages.en, messages };
}

export function refused(
  code: BookingRefusalCode,
  messages: LocalizedText,
): { ok: false; refusal: LocalizedBookingRefusal } {
  return { ok: false, refusal: bookingRefusal(code, messages) };
}

/**
 * Checks the requested date of a booking: well formed, a real day, not in the past
 * (today counts as bookable). The office's rules are decided by `decideBooking`.
 */
export function checkBookingDate(input: string, now: Date = new Date()): DateCheck {
  const parsed = parseCivilDate(input);
  if (!parsed.ok) {
    return refused(
      BookingRefusalCode.InvalidDate,
      parsed.reason === 'MALFORMED' ? refusalTexts.malformedDate(input) : refusalTexts.impossibleDate(input),
    );
  }
  const today = todayInOfficeZone(now);
  if (compareCivilDates(parsed.date, today) < 0) {
    return refused(BookingRefusalCode.DateInPast, refusalTexts.dateInPast(parsed.date, today));
  }
  return { ok: true, date: parsed.date };
}
