import { inject, Injectable } from '@angular/core';

import type { Area, DayPart, DeskAvailability, DeskFilter, Office, OfficeDay } from '../../core/graphql/api.types';
import { GraphqlHttpClient } from '../../core/graphql/graphql-http.client';
import type { LiveSink } from '../../core/graphql/graphql-live.client';
import { GraphqlLiveClient } from '../../core/graphql/graphql-live.client';
import { graphqlOperation } from '../../core/graphql/graphql-operation';

/** Which desks to show: one office, one civil date, one part of the day, optionally filtered. */
export interface AvailabilityQuery {
  readonly officeId: string;
  readonly date: string;
  readonly part: DayPart;
  /** Left out when nothing is filtered. */
  readonly filter?: DeskFilter;
}

/** A desk's place on its area's plan: fractions 0..1 of the plan's width and height. */
export interface DeskPosition {
  readonly x: number;
  readonly y: number;
}

export type DeskPositions = Readonly<Record<string, DeskPosition>>;

type DeskAvailabilityVariables = Omit<AvailabilityQuery, 'filter'> & { filter?: DeskFilter };

const DESK_FIELDS =
  'deskId code areaId areaName morningFree afternoonFree free blocked blockedReason myBookingId accessible equipment';

export const OFFICES = graphqlOperation<{ offices: Office[] }>(
  `query Offices { offices { id name address deskCount municipality { ags name land } operator { id name } } }`,
);

export const DESK_AVAILABILITY = graphqlOperation<{ deskAvailability: DeskAvailability[] }, DeskAvailabilityVariables>(
  `query DeskAvailability($officeId: ID!, $date: String!, $part: DayPart!, $filter: DeskFilter) {
    deskAvailability(officeId: $officeId, date: $date, part: $part, filter: $filter) { ${DESK_FIELDS} }
  }`,
);

/** The subscription has no filter: the client applies it to each event (see deskMatchesFilter). */
export const DESK_AVAILABILITY_CHANGED = graphqlOperation<
  { deskAvailabilityChanged: DeskAvailability },
  Omit<AvailabilityQuery, 'filter'>
>(
  `subscription DeskAvailabilityChanged($officeId: ID!, $date: String!, $part: DayPart!) {
    deskAvailabilityChanged(officeId: $officeId, date: $date, part: $part) { ${DESK_FIELDS} }
  }`,
);

/** Whether the office takes bookings that day and part, and why not: read with the desks and after each change. */
export const OFFICE_DAY = graphqlOperation<{ officeDay: OfficeDay }, Omit<AvailabilityQuery, 'filter'>>(
  `query OfficeDay($officeId: ID!, $date: String!, $part: DayPart!) {
    officeDay(officeId: $officeId, date: $date, part: $part) {
      date part bookable capacity booked full refusal { code message messageDe }
    }
  }`,
);

export const OFFICE_AREAS = graphqlOperation<{ officeAreas: Area[] }, { officeId: string }>(
  `query OfficeAreas($officeId: ID!) { officeAreas(officeId: $officeId) { id name } }`,
);

/** Areas with their floor plans (check-in and floor-plan contract of issue 4). */
export const OFFICE_FLOOR_PLANS = graphqlOperation<{ officeAreas: Area[] }, { officeId: string }>(
  `query OfficeFloorPlans($officeId: ID!) { officeAreas(officeId: $officeId) { id name floorPlanSvg } }`,
);

/** Where the desks are on their area's plan; positions do not change with date or part, so they are read apart. */
export const DESK_POSITIONS = graphqlOperation<
  { deskAvailability: Pick<DeskAvailability, 'deskId' | 'positionX' | 'positionY'>[] },
  Omit<AvailabilityQuery, 'filter'>
>(
  `query DeskPositions($officeId: ID!, $date: String!, $part: DayPart!) {
    deskAvailability(officeId: $officeId, date: $date, part: $part) { deskId positionX positionY }
  }`,
);

export const DESK_EQUIPMENT_OPTIONS = graphqlOperation<{ deskEquipmentOptions: string[] }>(
  `query DeskEquipmentOptions { deskEquipmentOptions }`,
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

  async officeAreas(officeId: string, signal?: AbortSignal): Promise<Area[]> {
    const data = await this.graphql.request(OFFICE_AREAS, { officeId }, signal);
    return data.officeAreas;
  }

  /** The office's areas with their floor plans. */
  async floorPlans(officeId: string, signal?: AbortSignal): Promise<Area[]> {
    const data = await this.graphql.request(OFFICE_FLOOR_PLANS, { officeId }, signal);
    return data.officeAreas;
  }

  /** Each desk's position on its area's plan, by desk id (desks not placed are left out). */
  async deskPositions(query: Omit<AvailabilityQuery, 'filter'>, signal?: AbortSignal): Promise<DeskPositions> {
    const data = await this.graphql.request(
      DESK_POSITIONS,
      { officeId: query.officeId, date: query.date, part: query.part },
      signal,
    );
    const positions: Record<string, DeskPosition> = {};
    for (const { deskId, positionX, positionY } of data.deskAvailability) {
      if (typeof positionX === 'number' && typeof positionY === 'number') {
        positions[deskId] = { x: positionX, y: positionY };
      }
    }
    return positions;
  }

  /** Equipment values desks can have, e.g. MONITOR. */
  async deskEquipmentOptions(signal?: AbortSignal): Promise<string[]> {
    const data = await this.graphql.request(DESK_EQUIPMENT_OPTIONS, {}, signal);
    return data.deskEquipmentOptions;
  }

  async deskAvailability(query: AvailabilityQuery): Promise<DeskAvailability[]> {
    const data = await this.graphql.request(DESK_AVAILABILITY, { ...query });
    return data.deskAvailability;
  }

  /** Whether the office takes bookings on the query's date and part (the filter does not matter). */
  async officeDay(query: AvailabilityQuery): Promise<OfficeDay> {
    const data = await this.graphql.request(OFFICE_DAY, {
      officeId: query.officeId,
      date: query.date,
      part: query.part,
    });
    return data.officeDay;
  }

  /** Follows changes of every desk of the office (unfiltered); returns the function that stops it. */
  followChanges(query: AvailabilityQuery, sink: LiveSink<DeskAvailability>): () => void {
    return this.live.subscribe(
      DESK_AVAILABILITY_CHANGED,
      { officeId: query.officeId, date: query.date, part: query.part },
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
