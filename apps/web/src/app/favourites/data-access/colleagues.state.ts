import type { Booking, DayPart } from '../../core/graphql/api.types';
import { formatCivilDate } from '../../shared/date/civil-date';
import { DAY_PART_LABELS } from '../../shared/labels/day-part.labels';

/** Two parts of a day share a half: a person holds at most one desk per half-day (PERSON_ALREADY_BOOKED). */
export function partsOverlap(a: DayPart, b: DayPart): boolean {
  return a === 'FULL_DAY' || b === 'FULL_DAY' || a === b;
}

/** The person's live booking on `date` that covers a half of `part`, if any: then no second desk can be booked. */
export function ownBookingAt(bookings: readonly Booking[], date: string, part: DayPart): Booking | null {
  return (
    bookings.find(
      (booking) =>
        booking.date === date &&
        (booking.status === 'BOOKED' || booking.status === 'CHECKED_IN') &&
        partsOverlap(booking.part, part),
    ) ?? null
  );
}

/** "Platz A-04 neben Mehmet Yılmaz gebucht: Di., 24.11.2026, Vormittag." */
export function bookedNextToText(booking: Pick<Booking, 'deskCode' | 'date' | 'part'>, colleagueName: string): string {
  return $localize`Platz ${booking.deskCode}:desk: neben ${colleagueName}:name: gebucht: ${formatCivilDate(booking.date)}:date:, ${DAY_PART_LABELS[booking.part]}:part:.`;
}

/** Why "Daneben buchen" is not offered: the person has a desk at that time already. */
export function alreadyBookedText(booking: Pick<Booking, 'deskCode' | 'part' | 'office'> | null): string {
  const why =
    booking === null
      ? $localize`Sie haben zu dieser Zeit schon einen Platz gebucht.`
      : $localize`Sie haben zu dieser Zeit schon Platz ${booking.deskCode}:desk: in ${booking.office.name}:office: gebucht (${DAY_PART_LABELS[booking.part]}:part:).`;
  return (
    why +
    ' ' +
    $localize`Neben jemandem buchen können Sie nur, wenn Sie zu dieser Zeit noch keinen Platz haben. Stornieren Sie dafür zuerst Ihre Buchung.`
  );
}
