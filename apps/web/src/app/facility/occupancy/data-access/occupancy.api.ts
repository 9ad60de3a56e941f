import { inject, Injectable } from '@angular/core';

import type { Office, OfficeOccupancy } from '../../../core/graphql/api.types';
import { GraphqlHttpClient } from '../../../core/graphql/graphql-http.client';
import type { LiveSink } from '../../../core/graphql/graphql-live.client';
import { GraphqlLiveClient } from '../../../core/graphql/graphql-live.client';
import { graphqlOperation } from '../../../core/graphql/graphql-operation';

/** Which office and civil date the board shows. */
export interface OccupancyQuery {
  readonly officeId: string;
  readonly date: string;
}

const COUNTS = 'desks booked checkedIn free blocked released';
const OCCUPANCY_FIELDS = `officeId officeName date
  areas { areaId areaName morning { ${COUNTS} } afternoon { ${COUNTS} } }
  morning { ${COUNTS} } afternoon { ${COUNTS} }`;

/** Offices whose occupancy the person sees: those they manage, and those their organisation runs (admins). */
export const OCCUPANCY_OFFICES = graphqlOperation<{ occupancyOffices: Office[] }>(
  `query OccupancyOffices { occupancyOffices { id name address deskCount municipality { ags name land } operator { id name } } }`,
);

export const OFFICE_OCCUPANCY = graphqlOperation<{ officeOccupancy: OfficeOccupancy }, OccupancyQuery>(
  `query OfficeOccupancy($officeId: ID!, $date: String) {
    officeOccupancy(officeId: $officeId, date: $date) { ${OCCUPANCY_FIELDS} }
  }`,
);

export const OFFICE_OCCUPANCY_CHANGED = graphqlOperation<{ officeOccupancyChanged: OfficeOccupancy }, OccupancyQuery>(
  `subscription OfficeOccupancyChanged($officeId: ID!, $date: String) {
    officeOccupancyChanged(officeId: $officeId, date: $date) { ${OCCUPANCY_FIELDS} }
  }`,
);

/** The occupancy board's reads: counts only, never who (DESIGN.md §5). */
@Injectable({ providedIn: 'root' })
export class OccupancyApi {
  private readonly graphql = inject(GraphqlHttpClient);
  private readonly live = inject(GraphqlLiveClient);

  readonly liveConnection = this.live.connectionState;

  async offices(signal?: AbortSignal): Promise<Office[]> {
    const data = await this.graphql.request(OCCUPANCY_OFFICES, {}, signal);
    return data.occupancyOffices;
  }

  async occupancy(query: OccupancyQuery): Promise<OfficeOccupancy> {
    const data = await this.graphql.request(OFFICE_OCCUPANCY, { ...query });
    return data.officeOccupancy;
  }

  /** Follows the office's counts on the date; returns the function that stops it. */
  follow(query: OccupancyQuery, sink: LiveSink<OfficeOccupancy>): () => void {
    return this.live.subscribe(
      OFFICE_OCCUPANCY_CHANGED,
      { ...query },
      {
        next: (data) => sink.next(data.officeOccupancyChanged),
        error: (error) => sink.error(error),
      },
    );
  }

  /** Calls `listener` after every (re)connection of the live socket. */
  onLiveConnected(listener: () => void): () => void {
    return this.live.onConnected(listener);
  }
}
