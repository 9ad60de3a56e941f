import { inject, Injectable } from '@angular/core';

import type {
  MovePresenceDayInput,
  Office,
  PresenceAnswer,
  PresenceDay,
  PresenceDayChange,
  PresenceDayInput,
  PresenceDayPreview,
  TeamCalendarDay,
  TeamDetails,
} from '../../core/graphql/api.types';
import { GraphqlHttpClient } from '../../core/graphql/graphql-http.client';
import { GraphqlLiveClient, type LiveSink } from '../../core/graphql/graphql-live.client';
import { graphqlOperation } from '../../core/graphql/graphql-operation';
import { BOOKING_FIELDS } from '../../shared/data-access/bookings.api';

// MY_TEAMS lives with MyTeams, which the app shell loads: the rest of this file stays in the lazy team chunk.
export { MY_TEAMS, type TeamSummary } from './my-teams';

const OFFICE_FIELDS = 'id name address deskCount municipality { ags name land } operator { id name }';

export const TEAM_FIELDS = `
  id name organisationId viewerIsLead viewerIsMember viewerCanManage
  members { personId displayName isLead }
  policy { period minDays fixedWeekdays }
`;

/** Everything the team page shows of a team day; `memberAnswers` is null for members who do not lead it. */
export const PRESENCE_DAY_FIELDS = `
  id teamId teamName date part mandatory note cancelled myAnswer areaName
  office { ${OFFICE_FIELDS} }
  myBooking { ${BOOKING_FIELDS} }
  answers { attending away open seated }
  memberAnswers { personId displayName answer seated }
`;

export const TEAM = graphqlOperation<{ team: TeamDetails }, { id: string }>(
  `query Team($id: ID!) { team(id: $id) { ${TEAM_FIELDS} } }`,
);

export const TEAM_DAY_OFFICES = graphqlOperation<{ offices: Office[] }>(
  `query TeamDayOffices { offices { ${OFFICE_FIELDS} } }`,
);

export interface DateRangeVariables {
  readonly teamId: string;
  readonly from: string;
  readonly to: string;
}

export const PRESENCE_DAYS = graphqlOperation<{ presenceDays: PresenceDay[] }, DateRangeVariables>(
  `query PresenceDays($teamId: ID!, $from: String!, $to: String!) {
    presenceDays(teamId: $teamId, from: $from, to: $to) { ${PRESENCE_DAY_FIELDS} }
  }`,
);

export const TEAM_CALENDAR = graphqlOperation<{ teamCalendar: TeamCalendarDay[] }, DateRangeVariables>(
  `query TeamCalendar($teamId: ID!, $from: String!, $to: String!) {
    teamCalendar(teamId: $teamId, from: $from, to: $to) {
      date
      presenceDays { ${PRESENCE_DAY_FIELDS} }
      whoIsIn { personId displayName part office { id name } }
    }
  }`,
);

export const PRESENCE_DAY_PREVIEW = graphqlOperation<
  { presenceDayPreview: PresenceDayPreview },
  { input: PresenceDayInput; movingId?: string | null }
>(
  `query PresenceDayPreview($input: PresenceDayInput!, $movingId: ID) {
    presenceDayPreview(input: $input, movingId: $movingId) {
      members toSeat alreadyBookedHere bookedElsewhere away freeDesks seatable shortfall sideBySide areaName
      refusal { code message messageDe }
    }
  }`,
);

export const CREATE_PRESENCE_DAY = graphqlOperation<{ createPresenceDay: PresenceDay }, { input: PresenceDayInput }>(
  `mutation CreatePresenceDay($input: PresenceDayInput!) {
    createPresenceDay(input: $input) { ${PRESENCE_DAY_FIELDS} }
  }`,
);

export const MOVE_PRESENCE_DAY = graphqlOperation<{ movePresenceDay: PresenceDay }, { input: MovePresenceDayInput }>(
  `mutation MovePresenceDay($input: MovePresenceDayInput!) {
    movePresenceDay(input: $input) { ${PRESENCE_DAY_FIELDS} }
  }`,
);

export const CANCEL_PRESENCE_DAY = graphqlOperation<{ cancelPresenceDay: PresenceDay }, { id: string }>(
  `mutation CancelPresenceDay($id: ID!) { cancelPresenceDay(id: $id) { ${PRESENCE_DAY_FIELDS} } }`,
);

export const ANSWER_PRESENCE_DAY = graphqlOperation<
  { answerPresenceDay: PresenceDay },
  { id: string; answer: PresenceAnswer }
>(
  `mutation AnswerPresenceDay($id: ID!, $answer: PresenceAnswer!) {
    answerPresenceDay(id: $id, answer: $answer) { ${PRESENCE_DAY_FIELDS} }
  }`,
);

export const TEAM_PRESENCE_CHANGED = graphqlOperation<{ teamPresenceChanged: PresenceDayChange }, { teamId: string }>(
  `subscription TeamPresenceChanged($teamId: ID!) {
    teamPresenceChanged(teamId: $teamId) { reason presenceDay { ${PRESENCE_DAY_FIELDS} } }
  }`,
);

/** Teams, their team days and calendar: read, plan, answer, and follow changes live. */
@Injectable({ providedIn: 'root' })
export class TeamApi {
  private readonly graphql = inject(GraphqlHttpClient);
  private readonly live = inject(GraphqlLiveClient);

  readonly liveConnection = this.live.connectionState;

  async team(id: string, signal?: AbortSignal): Promise<TeamDetails> {
    return (await this.graphql.request(TEAM, { id }, signal)).team;
  }

  /** The offices the caller may book, where a team day can take place. */
  async offices(signal?: AbortSignal): Promise<Office[]> {
    return (await this.graphql.request(TEAM_DAY_OFFICES, {}, signal)).offices;
  }

  async presenceDays(variables: DateRangeVariables, signal?: AbortSignal): Promise<PresenceDay[]> {
    return (await this.graphql.request(PRESENCE_DAYS, { ...variables }, signal)).presenceDays;
  }

  async teamCalendar(variables: DateRangeVariables, signal?: AbortSignal): Promise<TeamCalendarDay[]> {
    return (await this.graphql.request(TEAM_CALENDAR, { ...variables }, signal)).teamCalendar;
  }

  /** What saving would do; `movingId` names the team day being moved (its own seats count as free). */
  async presenceDayPreview(input: PresenceDayInput, movingId?: string): Promise<PresenceDayPreview> {
    const data = await this.graphql.request(PRESENCE_DAY_PREVIEW, { input, movingId: movingId ?? null });
    return data.presenceDayPreview;
  }

  async createPresenceDay(input: PresenceDayInput): Promise<PresenceDay> {
    return (await this.graphql.request(CREATE_PRESENCE_DAY, { input })).createPresenceDay;
  }

  async movePresenceDay(input: MovePresenceDayInput): Promise<PresenceDay> {
    return (await this.graphql.request(MOVE_PRESENCE_DAY, { input })).movePresenceDay;
  }

  async cancelPresenceDay(id: string): Promise<PresenceDay> {
    return (await this.graphql.request(CANCEL_PRESENCE_DAY, { id })).cancelPresenceDay;
  }

  async answerPresenceDay(id: string, answer: PresenceAnswer): Promise<PresenceDay> {
    return (await this.graphql.request(ANSWER_PRESENCE_DAY, { id, answer })).answerPresenceDay;
  }

  /** Follows the team's days (created, moved, cancelled, answered); returns the function that stops it. */
  followTeamPresence(teamId: string, sink: LiveSink<PresenceDayChange>): () => void {
    return this.live.subscribe(
      TEAM_PRESENCE_CHANGED,
      { teamId },
      {
        next: (data) => sink.next(data.teamPresenceChanged),
        error: (error) => sink.error(error),
      },
    );
  }

  /** Calls `listener` after every (re)connection of the live socket. */
  onLiveConnected(listener: () => void): () => void {
    return this.live.onConnected(listener);
  }
}
