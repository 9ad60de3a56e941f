import { inject, Injectable } from '@angular/core';

import type { PresencePolicy, PresenceProgress, TeamDetails, TeamPolicySummary } from '../../../core/graphql/api.types';
import { GraphqlHttpClient } from '../../../core/graphql/graphql-http.client';
import { graphqlOperation } from '../../../core/graphql/graphql-operation';
import { TEAM_DETAILS_FIELDS } from '../../members/data-access/team-members.api';

const POLICY_FIELDS = 'period minDays fixedWeekdays';
const COUNT_FIELDS = 'count fewerThanThree';

export interface PresencePolicyInput extends PresencePolicy {
  readonly teamId: string;
}

export const MY_PRESENCE_PROGRESS = graphqlOperation<{ myPresenceProgress: PresenceProgress[] }>(
  `query MyPresenceProgress {
    myPresenceProgress {
      team { id name }
      policy { ${POLICY_FIELDS} }
      periods { from to required planned met workingDays holidays missingFixedWeekdays }
    }
  }`,
);

export const TEAM_POLICY_SUMMARY = graphqlOperation<
  { teamPolicySummary: TeamPolicySummary | null },
  { teamId: string }
>(
  `query TeamPolicySummary($teamId: ID!) {
    teamPolicySummary(teamId: $teamId) {
      from to members meeting { ${COUNT_FIELDS} } notMeeting { ${COUNT_FIELDS} }
    }
  }`,
);

export const SET_PRESENCE_POLICY = graphqlOperation<{ setPresencePolicy: TeamDetails }, { input: PresencePolicyInput }>(
  `mutation SetPresencePolicy($input: PresencePolicyInput!) { setPresencePolicy(input: $input) { ${TEAM_DETAILS_FIELDS} } }`,
);

export const CLEAR_PRESENCE_POLICY = graphqlOperation<{ clearPresencePolicy: TeamDetails }, { teamId: string }>(
  `mutation ClearPresencePolicy($teamId: ID!) { clearPresencePolicy(teamId: $teamId) { ${TEAM_DETAILS_FIELDS} } }`,
);

/** A team's presence policy: the caller's own progress, the lead's counts, and setting or clearing it. */
@Injectable({ providedIn: 'root' })
export class PresencePolicyApi {
  private readonly graphql = inject(GraphqlHttpClient);

  /** The caller's own progress, one entry per team of theirs with a policy. */
  async myProgress(signal?: AbortSignal): Promise<PresenceProgress[]> {
    return (await this.graphql.request(MY_PRESENCE_PROGRESS, {}, signal)).myPresenceProgress;
  }

  /** Counts for the current period, or null when the team has no policy. Leads and admins only. */
  async summary(teamId: string, signal?: AbortSignal): Promise<TeamPolicySummary | null> {
    return (await this.graphql.request(TEAM_POLICY_SUMMARY, { teamId }, signal)).teamPolicySummary;
  }

  async setPolicy(input: PresencePolicyInput): Promise<TeamDetails> {
    return (await this.graphql.request(SET_PRESENCE_POLICY, { input })).setPresencePolicy;
  }

  async clearPolicy(teamId: string): Promise<TeamDetails> {
    return (await this.graphql.request(CLEAR_PRESENCE_POLICY, { teamId })).clearPresencePolicy;
  }
}
