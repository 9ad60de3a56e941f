import { inject, Injectable } from '@angular/core';

import type {
  Booking,
  BookingChange,
  BookRecurringInput,
  DayPart,
  RecurringBookingResult,
} from '../../core/graphql/api.types';
import { GraphqlHttpClient } from '../../core/graphql/graphql-http.client';
import { GraphqlLiveClient, type LiveSink } from '../../core/graphql/graphql-live.client';
import { graphqlOperation } from '../../core/graphql/graphql-operation';
import { errorCodeOf } from '../../core/graphql/graphql-request.error';
import { Identity } from '../../core/identity/identity';
import { LastKnownStore } from '../../core/offline/last-known.store';
import { todayInOfficeZone } from '../date/civil-date';

export const BOOKING_FIELDS = `
  id date part status deskId deskCode areaName createdAt cancellationReason
  office { id name address deskCount municipality { ags name land } operator { id name } }
`;

export interface BookDeskInput {
  readonly deskId: string;
  readonly date: string;
  readonly part: DayPart;
}

export const MY_BOOKINGS = graphqlOperation<{ myBookings: Booking[] }>(
  `query MyBookings { myBookings { ${BOOKING_FIELDS} } }`,
);

export const BOOK_DESK = graphqlOperation<{ bookDesk: Booking }, { input: BookDeskInput }>(
  `mutation BookDesk($input: BookDeskInput!) { bookDesk(input: $input) { ${BOOKING_FIELDS} } }`,
);

export const BOOK_RECURRING = graphqlOperation<
  { bookRecurring: RecurringBookingResult },
  { input: BookRecurringInput }
>(
  `mutation BookRecurring($input: BookRecurringInput!) {
    bookRecurring(input: $input) {
      complete bookedCount
      outcomes { date status booking { ${BOOKING_FIELDS} } refusal { code message messageDe } }
    }
  }`,
);

export const CANCEL_BOOKING = graphqlOperation<{ cancelBooking: Booking }, { id: string }>(
  `mutation CancelBooking($id: ID!) { cancelBooking(id: $id) { ${BOOKING_FIELDS} } }`,
);

export const MY_BOOKING_CHANGED = graphqlOperation<{ myBookingChanged: BookingChange }>(
  `subscription MyBookingChanged { myBookingChanged { reason booking { ${BOOKING_FIELDS} } } }`,
);

const LAST_KNOWN_BOOKINGS = 'myBookings';

/** A kept list of bookings, checked loosely: written by this app, but possibly by an older version of it. */
function isBookingList(value: unknown): value is Booking[] {
  return (
    Array.isArray(value) &&
    value.every(
      (item: unknown) =>
        typeof item === 'object' &&
        item !== null &&
        typeof (item as Partial<Booking>).id === 'string' &&
        typeof (item as Partial<Booking>).date === 'string' &&
        typeof (item as Partial<Booking>).office === 'object',
    )
  );
}

/** The current person's bookings: list, book, cancel, and follow changes (also those others make). */
@Injectable({ providedIn: 'root' })
export class BookingsApi {
  private readonly graphql = inject(GraphqlHttpClient);
  private readonly live = inject(GraphqlLiveClient);
  private readonly identity = inject(Identity);
  private readonly lastKnown = inject(LastKnownStore);

  async myBookings(signal?: AbortSignal): Promise<Booking[]> {
    const data = await this.graphql.request(MY_BOOKINGS, {}, signal);
    return data.myBookings;
  }

  /**
   * The person's bookings; each answer is kept on this device. When the server cannot be reached, the last answer
   * kept instead, with `savedAt` (the time it is from); without one, the network error.
   */
  async myBookingsOrLastKnown(signal?: AbortSignal): Promise<{ bookings: Booking[]; savedAt: string | null }> {
    const personKey = this.identity.key();
    try {
      const bookings = await this.myBookings(signal);
      if (personKey !== null) this.lastKnown.remember(LAST_KNOWN_BOOKINGS, personKey, bookings);
      return { bookings, savedAt: null };
    } catch (error) {
      const kept =
        errorCodeOf(error) === 'NETWORK' && personKey !== null
          ? this.lastKnown.recall(LAST_KNOWN_BOOKINGS, personKey, isBookingList)
          : null;
      if (kept === null) throw error;
      // Days that have passed since are no longer "from today on".
      const today = todayInOfficeZone();
      return { bookings: kept.value.filter((booking) => booking.date >= today), savedAt: kept.savedAt };
    }
  }

  async bookDesk(input: BookDeskInput): Promise<Booking> {
    const data = await this.graphql.request(BOOK_DESK, { input });
    return data.bookDesk;
  }

  /** Books a desk on chosen weekdays for some weeks; says per date what happened. */
  async bookRecurring(input: BookRecurringInput): Promise<RecurringBookingResult> {
    const data = await this.graphql.request(BOOK_RECURRING, { input });
    return data.bookRecurring;
  }

  async cancelBooking(id: string): Promise<Booking> {
    const data = await this.graphql.request(CANCEL_BOOKING, { id });
    return data.cancelBooking;
  }

  /** Follows every change of the current person's bookings; returns the function that stops it. */
  followMyBookingChanges(sink: LiveSink<BookingChange>): () => void {
    return this.live.subscribe(
      MY_BOOKING_CHANGED,
      {},
      {
        next: (data) => sink.next(data.myBookingChanged),
        error: (error) => sink.error(error),
      },
    );
  }

  /** Calls `listener` after every (re)connection of the live socket. */
  onLiveConnected(listener: () => void): () => void {
    return this.live.onConnected(listener);
  }
}
