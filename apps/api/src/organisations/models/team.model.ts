import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Team')
export class Team {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => ID)
  organisationId!: string;
}
