import type { OfficeDay } from '../app/core/graphql/api.types';

/** An open, bookable office day without a cap as the API returns it; tests override what they need. */
export function anOfficeDay(partial: Partial<OfficeDay> = {}): OfficeDay {
  return {
    date: '2099-01-05',
    part: 'MORNING',
    bookable: true,
    refusal: null,
    capacity: null,
    booked: 0,
    full: false,
    ...partial,
  };
}

/** The office day of a public holiday, with the API's refusal texts. */
export const HOLIDAY_DAY: OfficeDay = anOfficeDay({
  date: '2026-12-25',
  bookable: false,
  refusal: {
    code: 'HOLIDAY',
    messageDe: 'Am 25.12.2026 ist 1. Weihnachtsfeiertag – ein Feiertag in Bayern. Bitte wählen Sie einen anderen Tag.',
    message: '25 December 2026 is Christmas Day, a public holiday in Bavaria. Please choose another day.',
  },
});

/** A day at its cap: 6 of 12 desks may be booked, and 6 are. */
export const FULL_BY_CAP_DAY: OfficeDay = anOfficeDay({
  bookable: false,
  capacity: 6,
  booked: 6,
  full: true,
  refusal: {
    code: 'OVER_CAPACITY',
    messageDe: 'An diesem Standort dürfen höchstens 6 Plätze zugleich belegt sein …',
    message: 'At most 6 desks of this office may be in use at the same time …',
  },
});
