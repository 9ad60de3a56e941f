import { Field, ID, ObjectType } from '@nestjs/graphql';

import type { Role } from '../../identity/caller.js';
import { RoleEnum } from './enums.js';

@ObjectType('RoleAssignment', { description: 'A role and what it covers.' })
export class RoleAssignment {
  @Field(() => RoleEnum)
  role!: Role;

  @Field({ description: 'Name of what the role covers: the organisation, office or team.' })
  scopeName!: string;

  @Field(() => ID, { nullable: true })
  organisationId!: string | null;

  @Field(() => ID, { nullable: true })
  officeId!: string | null;

  @Field(() => ID, { nullable: true })
  teamId!: string | null;
}
