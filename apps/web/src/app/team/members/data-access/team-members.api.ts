import { inject, Injectable } from '@angular/core';

import type { Person, TeamDetails } from '../../../core/graphql/api.types';
import { GraphqlHttpClient } from '../../../core/graphql/graphql-http.client';
import { graphqlOperation } from '../../../core/graphql/graphql-operation';

/** Everything of a team its panels show: read back by every change, so the page can take it as it is. */
export const TEAM_DETAILS_FIELDS = `id name organisationId viewerIsLead viewerIsMember viewerCanManage
  members { personId displayName isLead } policy { period minDays fixedWeekdays }`;

export interface TeamMemberInput {
  readonly teamId: string;
  readonly personId: string;
}

/** A person who could join the team. */
export type TeamCandidate = Pick<Person, 'id' | 'displayName'>;

export const TEAM_CANDIDATES = graphqlOperation<
  { teamCandidates: TeamCandidate[] },
  { teamId: string; search: string | null }
>(
  `query TeamCandidates($teamId: ID!, $search: String) {
    teamCandidates(teamId: $teamId, search: $search) { id displayName }
  }`,
);

export const ADD_TEAM_MEMBER = graphqlOperation<{ addTeamMember: TeamDetails }, { input: TeamMemberInput }>(
  `mutation AddTeamMember($input: TeamMemberInput!) { addTeamMember(input: $input) { ${TEAM_DETAILS_FIELDS} } }`,
);

export const REMOVE_TEAM_MEMBER = graphqlOperation<{ removeTeamMember: TeamDetails }, { input: TeamMemberInput }>(
  `mutation RemoveTeamMember($input: TeamMemberInput!) { removeTeamMember(input: $input) { ${TEAM_DETAILS_FIELDS} } }`,
);

export const RENAME_TEAM = graphqlOperation<{ renameTeam: TeamDetails }, { id: string; name: string }>(
  `mutation RenameTeam($id: ID!, $name: String!) { renameTeam(id: $id, name: $name) { ${TEAM_DETAILS_FIELDS} } }`,
);

/** How many people `teamCandidates` returns at most (the API's limit). */
export const CANDIDATES_LIMIT = 20;

/** Who belongs to a team: leads and organisation admins find, add and remove people and rename the team. */
@Injectable({ providedIn: 'root' })
export class TeamMembersApi {
  private readonly graphql = inject(GraphqlHttpClient);

  /** People of the team's organisation not in it, matching part of their name (all when `search` is empty). */
  async candidates(teamId: string, search: string, signal?: AbortSignal): Promise<TeamCandidate[]> {
    const variables = { teamId, search: search.trim() === '' ? null : search.trim() };
    return (await this.graphql.request(TEAM_CANDIDATES, variables, signal)).teamCandidates;
  }

  async add(input: TeamMemberInput): Promise<TeamDetails> {
    return (await this.graphql.request(ADD_TEAM_MEMBER, { input })).addTeamMember;
  }

  /** Also cancels the person's future team-day bookings of this team. */
  async remove(input: TeamMemberInput): Promise<TeamDetails> {
    return (await this.graphql.request(REMOVE_TEAM_MEMBER, { input })).removeTeamMember;
  }

  async rename(id: string, name: string): Promise<TeamDetails> {
    return (await this.graphql.request(RENAME_TEAM, { id, name })).renameTeam;
  }
}
