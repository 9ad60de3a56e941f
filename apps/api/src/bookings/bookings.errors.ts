import { type BookingRefusal, bookingRefusal, BookingRefusalCode, type CivilDate, refusalTexts } from '@nahbar/domain';

import { DomainError } from '../common/domain-error.js';

export const BookingsErrorCode = {
  ...BookingRefusalCode,
  BookingNotFound: 'BOOKING_NOT_FOUND',
  BookingNotActive: 'BOOKING_NOT_ACTIVE',
  NoBookingToCheckIn: 'NO_BOOKING_TO_CHECK_IN',
  CheckInNotOpen: 'CHECK_IN_NOT_OPEN',
  CheckInClosed: 'CHECK_IN_CLOSED',
} as const;

/** A booking request the domain library refused: its stable code, English message and German and English texts. */
export class BookingRefusedError extends DomainError {
  constructor(refusal: BookingRefusal) {
    super(refusal.code, refusal.message, refusal.messages);
  }
}

/** The desk's exclusion constraint refused a racing request: the same refusal `decideBooking` gives. */
export class DeskTakenError extends BookingRefusedError {
  constructor(date: CivilDate) {
    super(bookingRefusal(BookingRefusalCode.DeskTaken, refusalTexts.deskTaken(date)));
  }
}

/** The person's exclusion constraint refused a racing request: the same refusal `decideBooking` gives. */
export class PersonAlreadyBookedError extends BookingRefusedError {
  constructor(date: CivilDate) {
    super(bookingRefusal(BookingRefusalCode.PersonAlreadyBooked, refusalTexts.personAlreadyBooked(date)));
  }
}

export class BookingNotFoundError extends DomainError {
  constructor() {
    super(BookingsErrorCode.BookingNotFound, 'There is no such booking of yours.');
  }
}

export class BookingNotActiveError extends DomainError {
  constructor(status: string) {
    super(
      BookingsErrorCode.BookingNotActive,
      `This booking is ${status.toLowerCase()} already and cannot be cancelled.`,
    );
  }
}

export class NoBookingToCheckInError extends DomainError {
  constructor() {
    const en = 'You have no booking of this desk today to check in. Book a free desk first.';
    super(BookingsErrorCode.NoBookingToCheckIn, en, {
      de: 'Sie haben diesen Platz heute nicht gebucht und können daher nicht einchecken. Buchen Sie zuerst einen freien Platz.',
      en,
    });
  }
}

export class CheckInNotOpenError extends DomainError {
  constructor(opensAt: string) {
    const en = `Check-in opens at ${opensAt}. Please scan the code again then.`;
    super(BookingsErrorCode.CheckInNotOpen, en, {
      de: `Das Einchecken ist ab ${opensAt} Uhr möglich. Bitte scannen Sie den Code dann erneut.`,
      en,
    });
  }
}

export class CheckInClosedError extends DomainError {
  constructor(deadline: string) {
    const en = `Check-in closed at ${deadline}: bookings not checked in by then are released.`;
    super(BookingsErrorCode.CheckInClosed, en, {
      de: `Das Einchecken war bis ${deadline} Uhr möglich: nicht eingecheckte Buchungen werden danach freigegeben.`,
      en,
    });
  }
}
