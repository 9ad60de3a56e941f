import { registerEnumType } from '@nestjs/graphql';

import { type Role as CallerRole, ROLES } from '../../identity/caller.js';

export const VISIBILITIES = ['NOBODY', 'TEAMS', 'ORGANISATION'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

const enumOf = <T extends string>(values: readonly T[]): Record<T, T> =>
  Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;

export const RoleEnum = enumOf<CallerRole>(ROLES);
export const VisibilityEnum = enumOf<Visibility>(VISIBILITIES);

registerEnumType(RoleEnum, {
  name: 'Role',
  valuesMap: {
    STAFF: { description: 'Every person: books desks.' },
    TEAM_LEAD: { description: 'Leads a team: presence days and policies of that team.' },
    FACILITY_MANAGER: { description: 'Runs an office: desks, closures, occupancy figures.' },
    ORGANISATION_ADMIN: { description: "Runs an organisation: its people's roles and the sharing of its offices." },
  },
});

registerEnumType(VisibilityEnum, {
  name: 'Visibility',
  description: 'Who may see that you are in an office on a day.',
  valuesMap: {
    NOBODY: { description: 'Nobody (default): others see that a desk is taken, not by whom.' },
    TEAMS: { description: 'The people of my teams.' },
    ORGANISATION: { description: 'The people of my organisation.' },
  },
});
