import { inject, Injectable } from '@angular/core';

import { AvailabilityApi } from '../../booking/data-access/availability.api';
import type { Area, DeskQrCode, OfficeSharing, RoleAssignment } from '../../core/graphql/api.types';
import { GraphqlHttpClient } from '../../core/graphql/graphql-http.client';
import { graphqlOperation } from '../../core/graphql/graphql-operation';
import { AdminApi } from './admin.api';

/** The QR codes of an area's desks; for facility managers of the office and admins of its operator. */
export const DESK_QR_CODES = graphqlOperation<{ deskQrCodes: DeskQrCode[] }, { areaId: string }>(
  `query DeskQrCodes($areaId: ID!) { deskQrCodes(areaId: $areaId) { deskId code checkInUrl svg } }`,
);

/** An office whose QR codes the person may print. */
export interface ManagedOffice {
  readonly id: string;
  readonly name: string;
}

/**
 * The offices a person manages: those of their FACILITY_MANAGER roles and, for organisation admins, the offices
 * their organisation runs (`officeSharings`). Sorted by name, each once.
 */
export function managedOffices(
  roles: readonly RoleAssignment[],
  sharings: readonly OfficeSharing[],
): readonly ManagedOffice[] {
  const byId = new Map<string, ManagedOffice>();
  for (const role of roles) {
    if (role.role === 'FACILITY_MANAGER' && role.officeId !== null) {
      byId.set(role.officeId, { id: role.officeId, name: role.scopeName });
    }
  }
  for (const { office } of sharings) {
    byId.set(office.id, { id: office.id, name: office.name });
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'de'));
}

/** What the QR code page reads: offices the person manages, their areas, and the areas' desk QR codes. */
@Injectable({ providedIn: 'root' })
export class QrCodesApi {
  private readonly graphql = inject(GraphqlHttpClient);
  private readonly availability = inject(AvailabilityApi);
  private readonly admin = inject(AdminApi);

  /** Offices the person's organisation runs: only for organisation admins. */
  officeSharings(signal?: AbortSignal): Promise<OfficeSharing[]> {
    return this.admin.officeSharings(signal);
  }

  officeAreas(officeId: string, signal?: AbortSignal): Promise<Area[]> {
    return this.availability.officeAreas(officeId, signal);
  }

  async deskQrCodes(areaId: string, signal?: AbortSignal): Promise<DeskQrCode[]> {
    return (await this.graphql.request(DESK_QR_CODES, { areaId }, signal)).deskQrCodes;
  }
}
