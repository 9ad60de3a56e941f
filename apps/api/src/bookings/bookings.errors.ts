import { type BookingRefusal, bookingRefusal, BookingRefusalCode, type CivilDate, refusalTexts } from '@nahbar/domain';

import { DomainError } from '../common/domain-error.js';

export const BookingsErrorCode = {
  ...BookingRefusalCode,
  BookingNotFound: 'BOOKING_NOT_FOUND',
  BookingNotActive: 'BOOKING_NOT_ACTIVE',
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
