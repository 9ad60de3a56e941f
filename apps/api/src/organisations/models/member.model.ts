import { Field, ID, ObjectType } from '@nestjs/graphql';

import { RoleAssignment } from './role-assignment.model.js';

@ObjectType('Member', { description: 'A person of an organisation as its admins see them: name, e-mail and roles.' })
export class Member {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => [RoleAssignment])
  roles!: RoleAssignment[];
}
