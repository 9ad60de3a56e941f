import { inject, Injectable } from '@angular/core';

import type { Office } from '../../../core/graphql/api.types';
import { GraphqlHttpClient } from '../../../core/graphql/graphql-http.client';
import { graphqlOperation } from '../../../core/graphql/graphql-operation';

/** A desk as facility management sees it: never who booked it. */
export interface ManagedDesk {
  readonly id: string;
  readonly code: string;
  readonly blocked: boolean;
  readonly blockedReason: string | null;
}

export interface ManagedArea {
  readonly id: string;
  readonly name: string;
  readonly desks: readonly ManagedDesk[];
}

export interface OfficeClosure {
  readonly id: string;
  /** Civil dates "YYYY-MM-DD", both inclusive. */
  readonly from: string;
  readonly to: string;
  readonly reason: string;
}

/** An office the person runs (facility manager, or admin of its operator). */
export interface ManagedOffice {
  readonly office: Office;
  /** Share (0.01 … 1) of the active desks bookable per half-day; null: no cap. */
  readonly capacityShare: number | null;
  readonly totalDesks: number;
  readonly areas: readonly ManagedArea[];
  readonly closures: readonly OfficeClosure[];
}

/** What an operation did, or as a dry run would do: counts only. */
export interface FacilityOperationResult {
  readonly office: ManagedOffice;
  readonly cancelledBookings: number;
  readonly endedWaitlistEntries: number;
  readonly seatedFromWaitlist: number;
  readonly dryRun: boolean;
}

export interface BlockDeskInput {
  readonly deskId: string;
  readonly reason: string;
  readonly dryRun: boolean;
}

export interface OfficeClosureInput {
  readonly officeId: string;
  readonly from: string;
  readonly to: string;
  readonly reason: string;
  readonly dryRun: boolean;
}

export interface OfficeCapacityInput {
  readonly officeId: string;
  readonly capacityShare: number | null;
  readonly dryRun: boolean;
}

const MANAGED_OFFICE_FIELDS = `
  office { id name address deskCount municipality { ags name land } operator { id name } }
  capacityShare totalDesks
  areas { id name desks { id code blocked blockedReason } }
  closures { id from to reason }
`;
const RESULT_FIELDS = `cancelledBookings endedWaitlistEntries seatedFromWaitlist dryRun office { ${MANAGED_OFFICE_FIELDS} }`;

export const MANAGED_OFFICES = graphqlOperation<{ managedOffices: ManagedOffice[] }>(
  `query ManagedOffices { managedOffices { ${MANAGED_OFFICE_FIELDS} } }`,
);

export const BLOCK_DESK = graphqlOperation<{ blockDesk: FacilityOperationResult }, { input: BlockDeskInput }>(
  `mutation BlockDesk($input: BlockDeskInput!) { blockDesk(input: $input) { ${RESULT_FIELDS} } }`,
);

export const UNBLOCK_DESK = graphqlOperation<{ unblockDesk: FacilityOperationResult }, { deskId: string }>(
  `mutation UnblockDesk($deskId: ID!) { unblockDesk(deskId: $deskId) { ${RESULT_FIELDS} } }`,
);

export const ADD_OFFICE_CLOSURE = graphqlOperation<
  { addOfficeClosure: FacilityOperationResult },
  { input: OfficeClosureInput }
>(`mutation AddOfficeClosure($input: OfficeClosureInput!) { addOfficeClosure(input: $input) { ${RESULT_FIELDS} } }`);

export const REMOVE_OFFICE_CLOSURE = graphqlOperation<{ removeOfficeClosure: FacilityOperationResult }, { id: string }>(
  `mutation RemoveOfficeClosure($id: ID!) { removeOfficeClosure(id: $id) { ${RESULT_FIELDS} } }`,
);

export const SET_OFFICE_CAPACITY = graphqlOperation<
  { setOfficeCapacity: FacilityOperationResult },
  { input: OfficeCapacityInput }
>(`mutation SetOfficeCapacity($input: OfficeCapacityInput!) { setOfficeCapacity(input: $input) { ${RESULT_FIELDS} } }`);

/** Running the offices: block desks, closures, capacity cap (each with a dry run that only counts). */
@Injectable({ providedIn: 'root' })
export class FacilityOperationsApi {
  private readonly graphql = inject(GraphqlHttpClient);

  async managedOffices(signal?: AbortSignal): Promise<ManagedOffice[]> {
    return (await this.graphql.request(MANAGED_OFFICES, {}, signal)).managedOffices;
  }

  async blockDesk(input: BlockDeskInput): Promise<FacilityOperationResult> {
    return (await this.graphql.request(BLOCK_DESK, { input })).blockDesk;
  }

  async unblockDesk(deskId: string): Promise<FacilityOperationResult> {
    return (await this.graphql.request(UNBLOCK_DESK, { deskId })).unblockDesk;
  }

  async addOfficeClosure(input: OfficeClosureInput): Promise<FacilityOperationResult> {
    return (await this.graphql.request(ADD_OFFICE_CLOSURE, { input })).addOfficeClosure;
  }

  async removeOfficeClosure(id: string): Promise<FacilityOperationResult> {
    return (await this.graphql.request(REMOVE_OFFICE_CLOSURE, { id })).removeOfficeClosure;
  }

  async setOfficeCapacity(input: OfficeCapacityInput): Promise<FacilityOperationResult> {
    return (await this.graphql.request(SET_OFFICE_CAPACITY, { input })).setOfficeCapacity;
  }
}
