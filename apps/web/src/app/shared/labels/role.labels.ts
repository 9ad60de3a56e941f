import type { Role, RoleAssignment, Visibility } from '../../core/graphql/api.types';

/** Roles in plain German, as people in an administration name them. */
export const ROLE_NAMES: Readonly<Record<Role, string>> = {
  STAFF: $localize`Beschäftigte`,
  TEAM_LEAD: $localize`Teamleitung`,
  FACILITY_MANAGER: $localize`Standortverwaltung`,
  ORGANISATION_ADMIN: $localize`Organisationsverwaltung`,
};

/** "Standortverwaltung: Satellitenbüro Münster" */
export function roleLabel(assignment: Pick<RoleAssignment, 'role' | 'scopeName'>): string {
  return $localize`${ROLE_NAMES[assignment.role]}:role:: ${assignment.scopeName}:scope:`;
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
    label: $localize`Niemand (Voreinstellung)`,
    explanation: $localize`Andere sehen nur, dass ein Platz belegt ist, nicht von wem.`,
  },
  {
    value: 'TEAMS',
    label: $localize`:visibility choice:Meine Teams`,
    explanation: $localize`Die Personen in Ihren Teams sehen, an welchen Tagen Sie in welchem Büro sind.`,
  },
  {
    value: 'ORGANISATION',
    label: $localize`Meine Organisation`,
    explanation: $localize`Alle Beschäftigten Ihrer Organisation sehen, an welchen Tagen Sie in welchem Büro sind.`,
  },
];
