import { inject, Injectable } from '@angular/core';

import type { Booking, DayPart } from '../../core/graphql/api.types';
import { GraphqlHttpClient } from '../../core/graphql/graphql-http.client';
import { graphqlOperation } from '../../core/graphql/graphql-operation';

const BOOKING_FIELDS = `
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

export const CANCEL_BOOKING = graphqlOperation<{ cancelBooking: Booking }, { id: string }>(
  `mutation CancelBooking($id: ID!) { cancelBooking(id: $id) { ${BOOKING_FIELDS} } }`,
);

/** The current person's bookings: list, book, cancel. */
@Injectable({ providedIn: 'root' })
export class BookingsApi {
  private readonly graphql = inject(GraphqlHttpClient);

  async myBookings(signal?: AbortSignal): Promise<Booking[]> {
    const data = await this.graphql.request(MY_BOOKINGS, {}, signal);
    return data.myBookings;
  }

  async bookDesk(input: BookDeskInput): Promise<Booking> {
    const data = await this.graphql.request(BOOK_DESK, { input });
    return data.bookDesk;
  }

  async cancelBooking(id: string): Promise<Booking> {
    const data = await this.graphql.request(CANCEL_BOOKING, { id });
    return data.cancelBooking;
  }
}
