import { type BookingRefusal, BookingRefusalCode } from '@nahbar/domain';

import { DomainError } from '../common/domain-error.js';

export const BookingsErrorCode = {
  ...BookingRefusalCode,
  BookingNotFound: 'BOOKING_NOT_FOUND',
  BookingNotActive: 'BOOKING_NOT_ACTIVE',
} as const;

export class BookingRefusedError extends DomainError {
  constructor(refusal: BookingRefusal) {
    super(refusal.code, refusal.message);
  }
}

export class DeskTakenError extends DomainError {
  constructor() {
    super(
      BookingsErrorCode.DeskTaken,
      'This desk is already booked for that time. Choose another desk or another part of the day.',
    );
  }
}

export class PersonAlreadyBookedError extends DomainError {
  constructor() {
    super(
      BookingsErrorCode.PersonAlreadyBooked,
      'You already have a desk for that time. Cancel that booking first or choose another part of the day.',
    );
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
