import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('PrivateCount', {
  description:
    'A count of people as others may see it: 1 and 2 read "fewer than 3" (count null). The count is withheld as ' +
    'well when it would give away another count that reads "fewer than 3".',
})
export class PrivateCount {
  @Field(() => Int, { nullable: true })
  count!: number | null;

  @Field()
  fewerThanThree!: boolean;
}
