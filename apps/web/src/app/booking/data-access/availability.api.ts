import { inject, Injectable } from '@angular/core';

import type { DayPart, DeskAvailability, Office } from '../../core/graphql/api.types';
import { GraphqlHttpClient } from '../../core/graphql/graphql-http.client';
import type { LiveSink } from '../../core/graphql/graphql-live.client';
import { GraphqlLiveClient } from '../../core/graphql/graphql-live.client';
import { graphqlOperation } from '../../core/graphql/graphql-operation';

/** Which desks to show: one office, one civil date, one part of the day. */
export interface AvailabilityQuery {
  readonly officeId: string;
  readonly date: string;
  readonly part: DayPart;
}

const DESK_FIELDS = 'deskId code areaName morningFree afternoonFree free myBookingId';

export const OFFICES = graphqlOperation<{ offices: Office[] }>(
  `query Offices { offices { id name address deskCount municipality { ags name land } operator { id name } } }`,
);

export const DESK_AVAILABILITY = graphqlOperation<{ deskAvailability: DeskAvailability[] }, AvailabilityQuery>(
  `query DeskAvailability($officeId: ID!, $date: String!, $part: DayPart!) {
    deskAvailability(officeId: $officeId, date: $date, part: $part) { ${DESK_FIELDS} }
  }`,
);

export const DESK_AVAILABILITY_CHANGED = graphqlOperation<
  { deskAvailabilityChanged: DeskAvailability },
  AvailabilityQuery
>(
  `subscription DeskAvailabilityChanged($officeId: ID!, $date: String!, $part: DayPart!) {
    deskAvailabilityChanged(officeId: $officeId, date: $date, part: $part) { ${DESK_FIELDS} }
  }`,
);

/** Offices and their desks' availability, read once or followed live. */
@Injectable({ providedIn: 'root' })
export class AvailabilityApi {
  private readonly graphql = inject(GraphqlHttpClient);
  private readonly live = inject(GraphqlLiveClient);

  readonly liveConnection = this.live.connectionState;

  async offices(signal?: AbortSignal): Promise<Office[]> {
    const data = await this.graphql.request(OFFICES, {}, signal);
    return data.offices;
  }

  async deskAvailability(query: AvailabilityQuery): Promise<DeskAvailability[]> {
    const data = await this.graphql.request(DESK_AVAILABILITY, { ...query });
    return data.deskAvailability;
  }

  /** Follows changes of the desks in `query`; returns the function that stops it. */
  followChanges(query: AvailabilityQuery, sink: LiveSink<DeskAvailability>): () => void {
    return this.live.subscribe(
      DESK_AVAILABILITY_CHANGED,
      { ...query },
      {
        next: (data) => sink.next(data.deskAvailabilityChanged),
        error: (error) => sink.error(error),
      },
    );
  }

  /** Calls `listener` after every (re)connection of the live socket. */
  onLiveConnected(listener: () => void): () => void {
    return this.live.onConnected(listener);
  }
}
