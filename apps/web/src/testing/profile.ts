import type { Member, Profile, RoleAssignment } from '../app/core/graphql/api.types';

const STAFF: RoleAssignment = {
  role: 'STAFF',
  scopeName: 'Landesamt für Statistik',
  organisationId: 'org-1',
  officeId: null,
  teamId: null,
};

/** A staff member of org-1 as `me` returns them; tests override what they need. */
export function aProfile(partial: Partial<Profile> = {}): Profile {
  return {
    id: 'p1',
    displayName: 'Anna Schmidt',
    email: 'anna.schmidt@example.de',
    organisation: { id: 'org-1', name: 'Landesamt für Statistik' },
    homePostalCode: null,
    visibility: 'NOBODY',
    roles: [STAFF],
    ...partial,
  };
}

/** A person of org-1 as `organisationPeople` returns them. */
export function aMember(id: string, displayName: string, roles: readonly RoleAssignment[] = [STAFF]): Member {
  return { id, displayName, email: `${id}@example.de`, roles };
}

export function aRole(
  role: RoleAssignment['role'],
  scopeName: string,
  ids: Partial<RoleAssignment> = {},
): RoleAssignment {
  return { role, scopeName, organisationId: null, officeId: null, teamId: null, ...ids };
}
