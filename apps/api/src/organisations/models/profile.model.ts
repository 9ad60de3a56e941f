import { Field, ID, ObjectType } from '@nestjs/graphql';

import { type Visibility, VisibilityEnum } from './enums.js';
import { Organisation } from './organisation.model.js';
import { RoleAssignment } from './role-assignment.model.js';

@ObjectType('Profile', { description: 'The signed-in person as they see themselves. Nobody else reads this.' })
export class Profile {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => Organisation)
  organisation!: Organisation;

  @Field(() => String, { nullable: true, description: 'German postal code (5 digits), to find offices near home.' })
  homePostalCode!: string | null;

  @Field(() => VisibilityEnum)
  visibility!: Visibility;

  @Field(() => [RoleAssignment])
  roles!: RoleAssignment[];
}
