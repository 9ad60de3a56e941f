import { type CivilDate, compareCivilDates, parseCivilDate, todayInOfficeZone } from './civil-date.js';

/** Stable codes of the reasons a booking request is refused; they travel as GraphQL `extensions.code`. */
export const BookingRefusalCode = {
  InvalidDate: 'INVALID_DATE',
  DateInPast: 'DATE_IN_PAST',
  DeskTaken: 'DESK_TAKEN',
  PersonAlreadyBooked: 'PERSON_ALREADY_BOOKED',
} as const;
export type BookingRefusalCode = (typeof BookingRefusalCode)[keyof typeof BookingRefusalCode];

export interface BookingRefusal {
  readonly code: BookingRefusalCode;
  readonly message: string;
}

export type DateCheck =
  | { readonly ok: true; readonly date: CivilDate }
  | { readonly ok: false; readonly refusal: BookingRefusal };

/**
 * Checks the requested date of a booking: well formed, a real day, not in the past
 * (today counts as bookable). Desk and person conflicts are decided by the database.
 */
export function checkBookingDate(input: string, now: Date = new Date()): DateCheck {
  const parsed = parseCivilDate(input);
  if (!parsed.ok) {
    return {
      ok: false,
      refusal: {
        code: BookingRefusalCode.InvalidDate,
        message:
          parsed.reason === 'MALFORMED'
            ? `"${input}" is not a date. Use the form YYYY-MM-DD, for example 2027-03-15.`
            : `${input} is not a day nahbar can book (it does not exist or is not between 1900 and 9999).`,
      },
    };
  }
  const today = todayInOfficeZone(now);
  if (compareCivilDates(parsed.date, today) < 0) {
    return {
      ok: false,
      refusal: {
        code: BookingRefusalCode.DateInPast,
        message: `${input} is in the past (today is ${today} in Europe/Berlin). Choose today or a later day.`,
      },
    };
  }
  return { ok: true, date: parsed.date };
}
