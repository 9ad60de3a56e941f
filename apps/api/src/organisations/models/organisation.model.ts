import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Organisation', { description: 'A ministry, agency or municipal administration.' })
export class Organisation {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}
