import { Args, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';

import type { Caller } from '../identity/caller.js';
import { CurrentCaller, CurrentPersonId } from '../identity/current-person.decorator.js';
import type { GraphqlContext } from '../identity/graphql-context.js';
import { AvailabilityEvents, type DeskAvailabilityChanged } from '../realtime/availability-events.js';
import { type MyBookingChanged, MyBookingEvents } from '../realtime/my-booking-events.js';
import { mapLive, shareView, SKIP } from '../realtime/shared-views.js';
import { AvailabilityService } from './availability.service.js';
import { BookingsService } from './bookings.service.js';
import { BookDeskInput } from './dto/book-desk.input.js';
import { BookRecurringInput } from './dto/book-recurring.input.js';
import { BookingIdArgs } from './dto/booking-id.args.js';
import { DeskAvailabilityArgs } from './dto/desk-availability.args.js';
import { DeskSearchArgs } from './dto/desk-search.args.js';
import { Booking } from './models/booking.model.js';
import { BookingChange } from './models/booking-change.model.js';
import { DeskAvailability } from './models/desk-availability.model.js';
import { OfficeDay } from './models/office-day.model.js';
import { RecurringBookingResult } from './models/recurring-booking-result.model.js';

@Resolver(() => Booking)
export class BookingsResolver {
  constructor(
    private readonly bookings: BookingsService,
    private readonly availability: AvailabilityService,
    private readonly events: AvailabilityEvents,
    private readonly myEvents: MyBookingEvents,
  ) {}

  @Query(() => [DeskAvailability], {
    description: "The office's desks and whether each is free on a date, optionally filtered.",
  })
  deskAvailability(
    @Args() { officeId, date, part, filter }: DeskSearchArgs,
    @CurrentCaller() caller: Caller,
  ): Promise<DeskAvailability[]> {
    return this.availability.forOffice(caller, officeId, date, part, filter);
  }

  @Query(() => OfficeDay, {
    description:
      'Whether the office takes bookings on a date and part of the day, and why not (closed, past, beyond the ' +
      'horizon, at its cap), with its cap and how full it is: what the booking page says before anyone tries.',
  })
  officeDay(
    @Args() { officeId, date, part }: DeskAvailabilityArgs,
    @CurrentCaller() caller: Caller,
  ): Promise<OfficeDay> {
    return this.availability.officeDay(caller, officeId, date, part);
  }

  @Query(() => [Booking], { description: "The caller's live bookings from today on." })
  myBookings(@CurrentPersonId() personId: string): Promise<Booking[]> {
    return this.bookings.myBookings(personId);
  }

  @Mutation(() => Booking)
  bookDesk(@Args('input') input: BookDeskInput, @CurrentCaller() caller: Caller): Promise<Booking> {
    return this.bookings.book(caller, input);
  }

  @Mutation(() => RecurringBookingResult, {
    description: 'Books a desk on the weekdays of a series: per date booked, refused (and why) or withheld.',
  })
  bookRecurring(
    @Args('input') input: BookRecurringInput,
    @CurrentCaller() caller: Caller,
  ): Promise<RecurringBookingResult> {
    return this.bookings.bookRecurring(caller, input);
  }

  @Mutation(() => Booking, { description: 'Cancels one of your bookings; the desk turns free for everyone at once.' })
  cancelBooking(@Args() { id }: BookingIdArgs, @CurrentPersonId() personId: string): Promise<Booking> {
    return this.bookings.cancel(personId, id);
  }

  @Subscription(() => BookingChange, {
    description: 'Pushes every change of your own bookings, including ones made by others (a revoked sharing).',
    async resolve(
      this: BookingsResolver,
      event: MyBookingChanged,
      _args: unknown,
      context: GraphqlContext,
    ): Promise<BookingChange | undefined> {
      if (!context.caller || context.caller.personId !== event.personId) return undefined;
      const booking = await this.bookings.ofPerson(event.personId, event.bookingId);
      return booking ? { booking, reason: event.reason } : undefined;
    },
  })
  myBookingChanged(@CurrentCaller() caller: Caller): AsyncIterableIterator<MyBookingChanged> {
    return this.myEvents.listen(caller.personId);
  }

  @Subscription(() => DeskAvailability, {
    description: 'Pushes a desk of the office whenever its availability on the date changes.',
    // Each event arrives already read for this subscriber (see deskAvailabilityChanged below): hand it on.
    resolve: (view: DeskAvailability | Error | undefined): DeskAvailability | undefined => {
      if (view instanceof Error) throw view;
      return view;
    },
  })
  async deskAvailabilityChanged(
    @Args() { officeId, date, part }: DeskAvailabilityArgs,
    @CurrentCaller() caller: Caller,
  ): Promise<AsyncIterableIterator<DeskAvailability | Error | undefined>> {
    const day = await this.availability.requireOfficeAndDate(caller, officeId, date);
    return mapLive(this.events.listen(officeId, day), async (event: DeskAvailabilityChanged) => {
      // An event reaches a subscriber only while the office is open to them (sharing can be revoked meanwhile)...
      const open = await this.availability.isOfficeOpenToForEvent(event, caller, event.officeId).catch(() => false);
      if (!open) return SKIP;
      // ...and carries ids only: every subscriber re-reads the desk as its own query would. Subscribers who see the
      // desk alike (same part of the day, same own booking or none) share one view, executed once.
      try {
        const view = await this.availability.forDeskForEvent(event, event.deskId, event.date, part, caller.personId);
        return view && shareView(event, `${event.deskId}:${event.date}:${part}:${view.myBookingId ?? ''}`, view);
      } catch (error) {
        return error instanceof Error ? error : new Error(String(error));
      }
    });
  }
}
