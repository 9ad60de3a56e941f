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

export const BOOKING_FIELDS = `
  id date part status deskId deskCode areaName createdAt
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

/** The current person's bookings: list, book, cancel, and follow changes (also those others make). */
@Injectable({ providedIn: 'root' })
export class BookingsApi {
  private readonly graphql = inject(GraphqlHttpClient);
  private readonly live = inject(GraphqlLiveClient);

  async myBookings(signal?: AbortSignal): Promise<Booking[]> {
    const data = await this.graphql.request(MY_BOOKINGS, {}, signal);
    return data.myBookings;
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
