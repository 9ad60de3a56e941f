import { inject, Injectable } from '@angular/core';

import type {
  Booking,
  PresenceAnswer,
  PresenceDayChange,
  PresenceProgress,
  TeamDetails,
} from '../../core/graphql/api.types';
import { GraphqlHttpClient } from '../../core/graphql/graphql-http.client';
import { GraphqlLiveClient, type LiveSink } from '../../core/graphql/graphql-live.client';
import { graphqlOperation } from '../../core/graphql/graphql-operation';

const OFFICE_FIELDS = 'id name address deskCount municipality { ags name land } operator { id name }';
const WEEK_BOOKING_FIELDS = `id date part status deskId deskCode areaName createdAt checkedInAt office { ${OFFICE_FIELDS} }`;

/** A team day as the week view shows it: when, where, and the person's own answer. */
export interface WeekTeamDay {
  readonly id: string;
  readonly teamId: string;
  readonly teamName: string;
  readonly date: string;
  readonly part: Booking['part'];
  readonly mandatory: boolean;
  readonly note: string | null;
  readonly cancelled: boolean;
  readonly myAnswer: PresenceAnswer | null;
  readonly office: Pick<Booking['office'], 'id' | 'name'>;
}

export type WeekTeam = Pick<TeamDetails, 'id' | 'name'>;

export const MY_BOOKINGS_BETWEEN = graphqlOperation<{ myBookingsBetween: Booking[] }, { from: string; to: string }>(
  `query MyBookingsBetween($from: String!, $to: String!) {
    myBookingsBetween(from: $from, to: $to) { ${WEEK_BOOKING_FIELDS} }
  }`,
);

export const MY_WEEK_TEAMS = graphqlOperation<{ myTeams: WeekTeam[] }>('query MyWeekTeams { myTeams { id name } }');

export const MY_WEEK_TEAM_DAYS = graphqlOperation<
  { presenceDays: WeekTeamDay[] },
  { teamId: string; from: string; to: string }
>(
  `query MyWeekTeamDays($teamId: ID!, $from: String!, $to: String!) {
    presenceDays(teamId: $teamId, from: $from, to: $to) {
      id teamId teamName date part mandatory note cancelled myAnswer office { id name }
    }
  }`,
);

export const MY_WEEK_PROGRESS = graphqlOperation<{ myPresenceProgress: PresenceProgress[] }>(
  `query MyWeekProgress {
    myPresenceProgress {
      team { id name }
      policy { period minDays fixedWeekdays }
      periods { from to required planned met workingDays holidays missingFixedWeekdays }
    }
  }`,
);

export const MY_WEEK_TEAM_CHANGED = graphqlOperation<
  { teamPresenceChanged: Pick<PresenceDayChange, 'reason'> },
  { teamId: string }
>(
  `subscription MyWeekTeamChanged($teamId: ID!) {
    teamPresenceChanged(teamId: $teamId) { reason presenceDay { id } }
  }`,
);

/** What the week view reads: the person's bookings by date, their teams' days, and their policy progress. */
@Injectable({ providedIn: 'root' })
export class MyWeekApi {
  private readonly graphql = inject(GraphqlHttpClient);
  private readonly live = inject(GraphqlLiveClient);

  async bookingsBetween(from: string, to: string, signal?: AbortSignal): Promise<Booking[]> {
    return (await this.graphql.request(MY_BOOKINGS_BETWEEN, { from, to }, signal)).myBookingsBetween;
  }

  async teams(signal?: AbortSignal): Promise<WeekTeam[]> {
    return (await this.graphql.request(MY_WEEK_TEAMS, {}, signal)).myTeams;
  }

  async teamDays(teamId: string, from: string, to: string, signal?: AbortSignal): Promise<WeekTeamDay[]> {
    return (await this.graphql.request(MY_WEEK_TEAM_DAYS, { teamId, from, to }, signal)).presenceDays;
  }

  async progress(signal?: AbortSignal): Promise<PresenceProgress[]> {
    return (await this.graphql.request(MY_WEEK_PROGRESS, {}, signal)).myPresenceProgress;
  }

  /** Calls `sink.next` whenever a team day of the team changes; returns the function that stops it. */
  followTeam(teamId: string, sink: LiveSink<void>): () => void {
    return this.live.subscribe(
      MY_WEEK_TEAM_CHANGED,
      { teamId },
      { next: () => sink.next(undefined), error: (error) => sink.error(error) },
    );
  }
}
