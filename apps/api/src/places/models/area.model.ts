import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Area', { description: 'A part of an office: a floor, a zone, a neighbourhood.' })
export class Area {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}
