/** The roles of nahbar. Staff is every person; the others are held per team, office or organisation. */
export const ROLES = ['STAFF', 'TEAM_LEAD', 'FACILITY_MANAGER', 'ORGANISATION_ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking, with the scopes of their roles: what every authorisation decision starts from. */
export interface Caller {
  readonly personId: string;
  readonly organisationId: string;
  /** Organisations the caller administers. */
  readonly adminOf: readonly string[];
  /** Offices the caller manages as facility manager. */
  readonly facilityManagerOf: readonly string[];
  /** Teams the caller leads. */
  readonly leadOf: readonly string[];
  /** When the credential stops being valid (seconds since 1970), for signed-in callers. */
  readonly expiresAt?: number;
}

export function hasRole(caller: Caller, role: Role): boolean {
  switch (role) {
    case 'STAFF':
      return true;
    case 'TEAM_LEAD':
      return caller.leadOf.length > 0;
    case 'FACILITY_MANAGER':
      return caller.facilityManagerOf.length > 0;
    case 'ORGANISATION_ADMIN':
      return caller.adminOf.length > 0;
  }
}

export function isExpired(caller: Caller, now: Date = new Date()): boolean {
  return caller.expiresAt !== undefined && caller.expiresAt * 1000 <= now.getTime();
}
