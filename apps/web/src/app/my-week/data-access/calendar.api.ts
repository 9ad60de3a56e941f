import { DOCUMENT, inject, Injectable } from '@angular/core';

import type { Booking } from '../../core/graphql/api.types';
import { FETCH } from '../../core/graphql/graphql-endpoint';
import { GraphqlHttpClient } from '../../core/graphql/graphql-http.client';
import { graphqlOperation } from '../../core/graphql/graphql-operation';
import { GraphqlRequestError } from '../../core/graphql/graphql-request.error';
import { Identity } from '../../core/identity/identity';

/** Whether the person has a calendar subscription; its address is shown only once, when it is created. */
export interface CalendarFeed {
  readonly exists: boolean;
  /** ISO 8601 instant. */
  readonly createdAt: string | null;
}

export interface CalendarFeedSecret {
  readonly url: string;
  readonly createdAt: string;
}

export const CALENDAR_FEED = graphqlOperation<{ calendarFeed: CalendarFeed }>(
  'query CalendarFeed { calendarFeed { exists createdAt } }',
);

export const CREATE_CALENDAR_FEED = graphqlOperation<{ createCalendarFeed: CalendarFeedSecret }>(
  'mutation CreateCalendarFeed { createCalendarFeed { url createdAt } }',
);

export const REVOKE_CALENDAR_FEED = graphqlOperation<{ revokeCalendarFeed: boolean }>(
  'mutation RevokeCalendarFeed { revokeCalendarFeed }',
);

/** Where the API serves one booking as an .ics file (it needs the person's credentials). */
export function bookingIcsPath(bookingId: string): string {
  return `/calendar/bookings/${encodeURIComponent(bookingId)}.ics`;
}

/** The file name the API suggests, else one made from the booking. */
export function icsFileName(contentDisposition: string | null, booking: Pick<Booking, 'date' | 'deskCode'>): string {
  const suggested = /filename="([^"]+)"/.exec(contentDisposition ?? '')?.[1];
  return suggested ?? `nahbar-${booking.date}-${booking.deskCode.replace(/[^A-Za-z0-9-]+/g, '_')}.ics`;
}

/**
 * The person's calendar: the subscription (create, replace, revoke) and one booking as an .ics file. A plain link
 * cannot carry the sign-in header, so the file is fetched with the person's credentials and saved from a Blob.
 */
@Injectable({ providedIn: 'root' })
export class CalendarApi {
  private readonly graphql = inject(GraphqlHttpClient);
  private readonly fetch = inject(FETCH);
  private readonly identity = inject(Identity);
  private readonly document = inject(DOCUMENT);

  async feed(signal?: AbortSignal): Promise<CalendarFeed> {
    return (await this.graphql.request(CALENDAR_FEED, {}, signal)).calendarFeed;
  }

  async createFeed(): Promise<CalendarFeedSecret> {
    return (await this.graphql.request(CREATE_CALENDAR_FEED, {})).createCalendarFeed;
  }

  async revokeFeed(): Promise<boolean> {
    return (await this.graphql.request(REVOKE_CALENDAR_FEED, {})).revokeCalendarFeed;
  }

  /** Saves the booking as an .ics file the person opens in their calendar program. */
  async downloadBooking(booking: Booking): Promise<void> {
    let response = await this.requestIcs(booking.id);
    if (response.status === 401 && (await this.identity.renew())) {
      response = await this.requestIcs(booking.id);
    }
    if (response.status === 401) throw new GraphqlRequestError('UNAUTHENTICATED', 'HTTP 401');
    if (response.status === 404) throw new GraphqlRequestError('BOOKING_NOT_FOUND', 'HTTP 404');
    if (response.status === 429) throw new GraphqlRequestError('RATE_LIMITED', 'HTTP 429');
    if (!response.ok) throw new GraphqlRequestError('UNKNOWN', `HTTP ${response.status}`);
    const blob = await response.blob();
    this.save(blob, icsFileName(response.headers.get('content-disposition'), booking));
  }

  private async requestIcs(bookingId: string): Promise<Response> {
    const credentials = await this.identity.requestHeaders();
    try {
      return await this.fetch(bookingIcsPath(bookingId), { headers: { accept: 'text/calendar', ...credentials } });
    } catch (error) {
      throw new GraphqlRequestError('NETWORK', String(error));
    }
  }

  private save(blob: Blob, fileName: string): void {
    const url = URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    this.document.body.append(link);
    link.click();
    link.remove();
    // The browser has started the download by now; the address can go.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
