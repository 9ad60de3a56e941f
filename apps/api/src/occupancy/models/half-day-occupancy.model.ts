import { Field, Int, ObjectType } from '@nestjs/graphql';

/**
 * Counts of one half of a day (morning or afternoon) for an area or a whole office: numbers only, never who
 * (DESIGN.md §5). `desks` = `blocked` + `booked` + `free`; a full-day booking counts in both halves.
 */
@ObjectType('HalfDayOccupancy', { description: 'Counts of desks for one half of a day: numbers only, never who.' })
export class HalfDayOccupancy {
  @Field(() => Int, { description: 'All desks, blocked ones included.' })
  desks!: number;

  @Field(() => Int, { description: 'Desks held by a live booking (checked in or not); blocked desks not counted.' })
  booked!: number;

  @Field(() => Int, { description: 'Of the booked desks, those whose booking is checked in.' })
  checkedIn!: number;

  @Field(() => Int, { description: 'Desks that are neither blocked nor booked.' })
  free!: number;

  @Field(() => Int, { description: 'Desks blocked by the facility management (not bookable).' })
  blocked!: number;

  @Field(() => Int, { description: 'Bookings released because nobody checked in by the deadline (no-shows).' })
  released!: number;
}
