import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';

import { BOOKING_CHANGE_REASONS, type BookingChangeReason } from '../../realtime/my-booking-events.js';
import { Booking } from './booking.model.js';

const BookingChangeReasonEnum = Object.fromEntries(BOOKING_CHANGE_REASONS.map((reason) => [reason, reason])) as Record<
  BookingChangeReason,
  BookingChangeReason
>;

registerEnumType(BookingChangeReasonEnum, {
  name: 'BookingChangeReason',
  valuesMap: {
    BOOKED: { description: 'You booked.' },
    CANCELLED: { description: 'You cancelled.' },
    SHARING_REVOKED: {
      description: 'The office is no longer shared with your organisation; the booking was cancelled.',
    },
    WAITLIST_ASSIGNED: { description: 'A desk freed up and you were next on the waitlist: it is booked for you.' },
    CHECKED_IN: { description: 'You checked in at the desk.' },
    RELEASED_NO_SHOW: {
      description:
        "You did not check in by the office's deadline: the booking was released and the desk is free again.",
    },
    TEAM_DAY_BOOKED: { description: 'Your team lead planned a team day: a desk next to your team is booked for you.' },
    TEAM_DAY_MOVED: {
      description: 'Your team day moved: this booking of its old date or office was cancelled, or made at the new one.',
    },
    TEAM_DAY_CANCELLED: {
      description: 'Your team day was cancelled, or you answered that you are away: its desk booking was cancelled.',
    },
    DESK_BLOCKED: {
      description:
        "The office's facility management blocked the desk: the booking was cancelled (cancellationReason says why).",
    },
    OFFICE_CLOSED: {
      description:
        "The office's facility management closed the office on that day: the booking was cancelled " +
        '(cancellationReason says why).',
    },
    CAPACITY_REDUCED: {
      description:
        "The office's capacity cap was lowered and the day was above it: the most recently made bookings were cancelled.",
    },
  },
});

@ObjectType('BookingChange', { description: 'Something happened to one of your bookings.' })
export class BookingChange {
  @Field(() => Booking)
  booking!: Booking;

  @Field(() => BookingChangeReasonEnum)
  reason!: BookingChangeReason;
}
