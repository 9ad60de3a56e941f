import type { Member, Role, RoleAssignment, Team } from '../../core/graphql/api.types';
import type { RoleInput } from './admin.api';

/** Roles an admin grants; STAFF comes with being in the organisation. */
export type GrantableRole = Exclude<Role, 'STAFF'>;

export const GRANTABLE_ROLES: readonly GrantableRole[] = ['TEAM_LEAD', 'FACILITY_MANAGER', 'ORGANISATION_ADMIN'];

export function isGrantableRole(value: unknown): value is GrantableRole {
  return typeof value === 'string' && (GRANTABLE_ROLES as readonly string[]).includes(value);
}

/** The "Rolle vergeben" form as filled in so far. */
export interface RoleDraft {
  readonly role: GrantableRole | null;
  readonly teamId: string | null;
  readonly officeId: string | null;
}

export type RoleInputResult =
  | { readonly ok: true; readonly input: RoleInput }
  | { readonly ok: false; readonly problem: string };

/** The mutation input for `draft`, or what is still missing, in plain German. */
export function roleInputFor(member: Member, draft: RoleDraft): RoleInputResult {
  switch (draft.role) {
    case null:
      return { ok: false, problem: $localize`Bitte wählen Sie eine Rolle.` };
    case 'TEAM_LEAD':
      if (!draft.teamId) {
        return { ok: false, problem: $localize`Bitte wählen Sie das Team, das die Person leiten soll.` };
      }
      if (holds(member, { role: 'TEAM_LEAD', teamId: draft.teamId })) {
        return { ok: false, problem: $localize`${member.displayName} leitet dieses Team schon.` };
      }
      return { ok: true, input: { personId: member.id, role: 'TEAM_LEAD', teamId: draft.teamId } };
    case 'FACILITY_MANAGER':
      if (!draft.officeId) {
        return { ok: false, problem: $localize`Bitte wählen Sie das Büro, das die Person verwalten soll.` };
      }
      if (holds(member, { role: 'FACILITY_MANAGER', officeId: draft.officeId })) {
        return { ok: false, problem: $localize`${member.displayName} verwaltet dieses Büro schon.` };
      }
      return { ok: true, input: { personId: member.id, role: 'FACILITY_MANAGER', officeId: draft.officeId } };
    case 'ORGANISATION_ADMIN':
      if (holds(member, { role: 'ORGANISATION_ADMIN' })) {
        return { ok: false, problem: $localize`${member.displayName} ist schon Organisationsverwaltung.` };
      }
      return { ok: true, input: { personId: member.id, role: 'ORGANISATION_ADMIN' } };
  }
}

function holds(member: Member, wanted: Partial<RoleAssignment> & { role: Role }): boolean {
  return member.roles.some(
    (assignment) =>
      assignment.role === wanted.role &&
      (wanted.teamId === undefined || assignment.teamId === wanted.teamId) &&
      (wanted.officeId === undefined || assignment.officeId === wanted.officeId),
  );
}

/** The input that removes `assignment` from `member`; null for STAFF, which cannot be removed. */
export function revokeInputFor(member: Member, assignment: RoleAssignment): RoleInput | null {
  switch (assignment.role) {
    case 'STAFF':
      return null;
    case 'TEAM_LEAD':
      return assignment.teamId ? { personId: member.id, role: 'TEAM_LEAD', teamId: assignment.teamId } : null;
    case 'FACILITY_MANAGER':
      return assignment.officeId
        ? { personId: member.id, role: 'FACILITY_MANAGER', officeId: assignment.officeId }
        : null;
    case 'ORGANISATION_ADMIN':
      return { personId: member.id, role: 'ORGANISATION_ADMIN' };
  }
}

/** The organisation a member belongs to, from the STAFF role every person holds. */
export function organisationOf(member: Member): string | null {
  return member.roles.find((assignment) => assignment.role === 'STAFF')?.organisationId ?? null;
}

/** Teams a member can lead: those of their own organisation. */
export function teamsFor(member: Member, teams: readonly Team[]): readonly Team[] {
  const organisationId = organisationOf(member);
  return organisationId === null ? teams : teams.filter((team) => team.organisationId === organisationId);
}

/** The list with `updated` in place of the member with the same id. */
export function replaceMember(list: readonly Member[], updated: Member): Member[] {
  return list.map((member) => (member.id === updated.id ? updated : member));
}

/** "3 Personen gefunden." */
export function peopleFoundText(count: number, search: string, pageSize: number): string {
  const term = search.trim();
  if (count === 0) {
    return term === '' ? $localize`Es gibt noch keine Personen.` : `Niemand gefunden für „${term}“.`;
  }
  const found = count === 1 ? $localize`1 Person gefunden` : `${count} Personen gefunden`;
  const more = count >= pageSize ? $localize` Es gibt vielleicht weitere: Suchen Sie genauer.` : '';
  return `${found}${term === '' ? '' : ` für „${term}“`}.${more}`;
}
