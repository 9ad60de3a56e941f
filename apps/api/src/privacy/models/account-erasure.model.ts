import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AccountErasure', { description: 'What erasing your account did. You are signed out afterwards.' })
export class AccountErasure {
  @Field(() => Int, { description: 'Your bookings from today on that were cancelled (their desks are free again).' })
  cancelledBookings!: number;

  @Field(() => Int, { description: 'Bookings kept without any link to you, for the figures of the offices.' })
  anonymisedBookings!: number;

  @Field(() => Int, { description: 'People on the waitlist who got one of the freed desks.' })
  seatedFromWaitlist!: number;
}
