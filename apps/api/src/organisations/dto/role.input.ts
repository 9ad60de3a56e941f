import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

import type { Role } from '../../identity/caller.js';
import { RoleEnum } from '../models/enums.js';

export const GRANTABLE_ROLES = ['TEAM_LEAD', 'FACILITY_MANAGER', 'ORGANISATION_ADMIN'] as const satisfies Role[];
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

@InputType('RoleInput', {
  description:
    'A role for a person: FACILITY_MANAGER names an office, TEAM_LEAD a team; ORGANISATION_ADMIN is for the person’s organisation.',
})
export class RoleInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'personId must be a person id (a UUID).' })
  personId!: string;

  @Field(() => RoleEnum)
  @IsIn(GRANTABLE_ROLES, { message: 'role must be TEAM_LEAD, FACILITY_MANAGER or ORGANISATION_ADMIN.' })
  role!: GrantableRole;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'officeId must be an office id (a UUID).' })
  officeId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a team id (a UUID).' })
  teamId?: string | null;
}
