import { inject, Injectable } from '@angular/core';

import type { Member, OfficeSharing, Organisation, Role, Team } from '../../core/graphql/api.types';
import { GraphqlHttpClient } from '../../core/graphql/graphql-http.client';
import { graphqlOperation } from '../../core/graphql/graphql-operation';
import { ROLE_FIELDS } from '../../core/identity/current-person';

const OFFICE_FIELDS = 'id name address deskCount municipality { ags name land } operator { id name }';
const SHARING_FIELDS = `office { ${OFFICE_FIELDS} } sharedWith { id name }`;
const MEMBER_FIELDS = `id displayName email roles { ${ROLE_FIELDS} }`;

export interface ShareOfficeInput {
  readonly officeId: string;
  readonly organisationId: string;
}

export interface RevokeSharingInput extends ShareOfficeInput {
  /** Also cancel that organisation's bookings of the office from today on. */
  readonly cancelBookings: boolean;
}

export interface RevokeSharingResult {
  readonly cancelledBookings: number;
  readonly sharing: OfficeSharing;
}

/** FACILITY_MANAGER names an office, TEAM_LEAD a team; ORGANISATION_ADMIN is for the person's organisation. */
export interface RoleInput {
  readonly personId: string;
  readonly role: Role;
  readonly officeId?: string;
  readonly teamId?: string;
}

/** How many people a search shows at most (the API's default). */
export const PEOPLE_PAGE_SIZE = 50;

export const OFFICE_SHARINGS = graphqlOperation<{ officeSharings: OfficeSharing[] }>(
  `query OfficeSharings { officeSharings { ${SHARING_FIELDS} } }`,
);

export const ORGANISATIONS = graphqlOperation<{ organisations: Organisation[] }>(
  'query Organisations { organisations { id name } }',
);

export const SHARE_OFFICE = graphqlOperation<{ shareOffice: OfficeSharing }, { input: ShareOfficeInput }>(
  `mutation ShareOffice($input: ShareOfficeInput!) { shareOffice(input: $input) { ${SHARING_FIELDS} } }`,
);

export const REVOKE_OFFICE_SHARING = graphqlOperation<
  { revokeOfficeSharing: RevokeSharingResult },
  { input: RevokeSharingInput }
>(
  `mutation RevokeOfficeSharing($input: RevokeSharingInput!) {
    revokeOfficeSharing(input: $input) { cancelledBookings sharing { ${SHARING_FIELDS} } }
  }`,
);

export const ORGANISATION_PEOPLE = graphqlOperation<
  { organisationPeople: Member[] },
  { search: string | null; take: number }
>(
  `query OrganisationPeople($search: String, $take: Int!) {
    organisationPeople(search: $search, take: $take) { ${MEMBER_FIELDS} }
  }`,
);

export const ORGANISATION_TEAMS = graphqlOperation<{ organisationTeams: Team[] }>(
  'query OrganisationTeams { organisationTeams { id name organisationId } }',
);

export const GRANT_ROLE = graphqlOperation<{ grantRole: Member }, { input: RoleInput }>(
  `mutation GrantRole($input: RoleInput!) { grantRole(input: $input) { ${MEMBER_FIELDS} } }`,
);

export const REVOKE_ROLE = graphqlOperation<{ revokeRole: Member }, { input: RoleInput }>(
  `mutation RevokeRole($input: RoleInput!) { revokeRole(input: $input) { ${MEMBER_FIELDS} } }`,
);

/** What organisation admins do: share their organisation's offices, and grant and revoke roles. */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly graphql = inject(GraphqlHttpClient);

  async officeSharings(signal?: AbortSignal): Promise<OfficeSharing[]> {
    return (await this.graphql.request(OFFICE_SHARINGS, {}, signal)).officeSharings;
  }

  async organisations(signal?: AbortSignal): Promise<Organisation[]> {
    return (await this.graphql.request(ORGANISATIONS, {}, signal)).organisations;
  }

  async shareOffice(input: ShareOfficeInput): Promise<OfficeSharing> {
    return (await this.graphql.request(SHARE_OFFICE, { input })).shareOffice;
  }

  async revokeOfficeSharing(input: RevokeSharingInput): Promise<RevokeSharingResult> {
    return (await this.graphql.request(REVOKE_OFFICE_SHARING, { input })).revokeOfficeSharing;
  }

  async organisationPeople(search: string, signal?: AbortSignal): Promise<Member[]> {
    const variables = { search: search.trim() === '' ? null : search.trim(), take: PEOPLE_PAGE_SIZE };
    return (await this.graphql.request(ORGANISATION_PEOPLE, variables, signal)).organisationPeople;
  }

  async organisationTeams(signal?: AbortSignal): Promise<Team[]> {
    return (await this.graphql.request(ORGANISATION_TEAMS, {}, signal)).organisationTeams;
  }

  async grantRole(input: RoleInput): Promise<Member> {
    return (await this.graphql.request(GRANT_ROLE, { input })).grantRole;
  }

  async revokeRole(input: RoleInput): Promise<Member> {
    return (await this.graphql.request(REVOKE_ROLE, { input })).revokeRole;
  }
}
