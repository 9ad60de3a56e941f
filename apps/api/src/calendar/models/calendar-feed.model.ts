import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('CalendarFeed', {
  description: 'Whether you have a calendar subscription (its secret address is shown only when it is created).',
})
export class CalendarFeed {
  @Field()
  exists!: boolean;

  @Field(() => String, { nullable: true, description: 'When the current address was created (ISO 8601 instant).' })
  createdAt!: string | null;
}
