import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';

import { Booking } from '../bookings/models/booking.model.js';
import { CurrentPersonId } from '../identity/current-person.decorator.js';
import { CalendarFeedsService } from './calendar-feeds.service.js';
import { DateRangeArgs } from './dto/date-range.args.js';
import { CalendarFeed } from './models/calendar-feed.model.js';
import { CalendarFeedSecret } from './models/calendar-feed-secret.model.js';

@Resolver()
export class CalendarResolver {
  constructor(private readonly calendar: CalendarFeedsService) {}

  @Query(() => CalendarFeed, { description: 'Whether you have a calendar subscription, and since when.' })
  calendarFeed(@CurrentPersonId() personId: string): Promise<CalendarFeed> {
    return this.calendar.feedOf(personId);
  }

  @Query(() => [Booking], {
    description:
      'Your bookings on the days of a range of at most 62 days, whatever their status (checked in, released, cancelled), by date.',
  })
  myBookingsBetween(@Args() { from, to }: DateRangeArgs, @CurrentPersonId() personId: string): Promise<Booking[]> {
    return this.calendar.bookingsBetween(personId, from, to);
  }

  @Mutation(() => CalendarFeedSecret, {
    description:
      'Creates the secret address of your calendar subscription and returns it once; an older address stops working.',
  })
  createCalendarFeed(@CurrentPersonId() personId: string): Promise<CalendarFeedSecret> {
    return this.calendar.create(personId);
  }

  @Mutation(() => Boolean, {
    description: 'Switches your calendar subscription off: its address stops working. False when there was none.',
  })
  revokeCalendarFeed(@CurrentPersonId() personId: string): Promise<boolean> {
    return this.calendar.revoke(personId);
  }
}
