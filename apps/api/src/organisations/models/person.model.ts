import { Field, ID, ObjectType } from '@nestjs/graphql';

import { Organisation } from './organisation.model.js';

@ObjectType('Person')
export class Person {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;

  @Field(() => Organisation)
  organisation!: Organisation;
}
