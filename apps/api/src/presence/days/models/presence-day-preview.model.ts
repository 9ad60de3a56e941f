import { Field, Int, ObjectType } from '@nestjs/graphql';

import { Refusal } from '../../../bookings/models/recurring-booking-result.model.js';

@ObjectType('PresenceDayPreview', {
  description: 'What saving a team day would book, before it is saved: whom it seats, and whether desks are short.',
})
export class PresenceDayPreview {
  @Field(() => Int)
  members!: number;

  @Field(() => Int, { description: 'Members who would get a desk booked (not away, holding no booking then).' })
  toSeat!: number;

  @Field(() => Int, { description: 'Members who hold a booking at this office then already (they keep it).' })
  alreadyBookedHere!: number;

  @Field(() => Int, { description: 'Members who hold a booking at another office then (they keep it).' })
  bookedElsewhere!: number;

  @Field(() => Int, { description: 'Members who answered that they are away.' })
  away!: number;

  @Field(() => Int, { description: 'Desks free for the part of the day, within the office’s capacity cap.' })
  freeDesks!: number;

  @Field(() => Int, { description: 'Members who would get a desk.' })
  seatable!: number;

  @Field(() => Int, { description: 'Desks missing: members to seat who would get none.' })
  shortfall!: number;

  @Field({ description: 'All desks would be in one area.' })
  sideBySide!: boolean;

  @Field(() => String, { nullable: true, description: 'The area where most would sit.' })
  areaName!: string | null;

  @Field(() => Refusal, {
    nullable: true,
    description: 'Why the team day cannot be held there then (HOLIDAY, CLOSURE, PRESENCE_DAY_EXISTS, …).',
  })
  refusal!: Refusal | null;
}
