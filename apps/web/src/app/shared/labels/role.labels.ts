import type { Role, RoleAssignment, Visibility } from '../../core/graphql/api.types';

/** Roles in plain German, as people in an administration name them. */
export const ROLE_NAMES: Readonly<Record<Role, string>> = {
  STAFF: 'Beschäftigte',
  TEAM_LEAD: 'Teamleitung',
  FACILITY_MANAGER: 'Standortverwaltung',
  ORGANISATION_ADMIN: 'Organisationsverwaltung',
};

/** "Standortverwaltung: Satellitenbüro Münster" */
export function roleLabel(assignment: Pick<RoleAssignment, 'role' | 'scopeName'>): string {
  return `${ROLE_NAMES[assignment.role]}: ${assignment.scopeName}`;
}

export interface VisibilityChoice {
  readonly value: Visibility;
  readonly label: string;
  readonly explanation: string;
}

/** The visibility choices in the order the profile offers them, the default first. */
export const VISIBILITY_CHOICES: readonly VisibilityChoice[] = [
  {
    value: 'NOBODY',
    label: 'Niemand (Voreinstellung)',
    explanation: 'Andere sehen nur, dass ein Platz belegt ist, nicht von wem.',
  },
  {
    value: 'TEAMS',
    label: 'Meine Teams',
    explanation: 'Die Personen in Ihren Teams sehen, an welchen Tagen Sie in welchem Büro sind.',
  },
  {
    value: 'ORGANISATION',
    label: 'Meine Organisation',
    explanation: 'Alle Beschäftigten Ihrer Organisation sehen, an welchen Tagen Sie in welchem Büro sind.',
  },
];
