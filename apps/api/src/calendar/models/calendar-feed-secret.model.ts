import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('CalendarFeedSecret', {
  description:
    'The secret address of your calendar subscription, shown once. Anyone with it sees your bookings: keep it to yourself.',
})
export class CalendarFeedSecret {
  @Field({ description: 'The .ics address to subscribe to in a calendar program.' })
  url!: string;

  @Field({ description: 'When it was created (ISO 8601 instant).' })
  createdAt!: string;
}
