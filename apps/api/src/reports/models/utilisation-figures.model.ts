import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

/**
 * Utilisation over a range of days: counts and rates, never who (DESIGN.md §5). Rates are 0..1 rounded half up to
 * 0.001, null where their base is 0.
 */
@ObjectType('UtilisationFigures', { description: 'Desk-days and bookings over a range of days: counts and rates.' })
export class UtilisationFigures {
  @Field(() => Int, { description: 'Open days × active desks (not blocked); holidays and closures left out.' })
  availableDeskDays!: number;

  @Field(() => Float, { description: 'Desk-days of live bookings on those; a morning or afternoon counts 0.5.' })
  bookedDeskDays!: number;

  @Field(() => Float, { nullable: true, description: 'bookedDeskDays / availableDeskDays.' })
  utilisationRate!: number | null;

  @Field(() => Int, {
    description: 'Bookings whose check-in deadline has passed: checked in, released as no-show or still booked.',
  })
  dueBookings!: number;

  @Field(() => Int, { description: 'Of the due bookings, those checked in.' })
  checkedIn!: number;

  @Field(() => Float, { nullable: true, description: 'checkedIn / dueBookings.' })
  checkInRate!: number | null;

  @Field(() => Int, { description: 'Of the due bookings, those released because nobody checked in (no-shows).' })
  noShows!: number;

  @Field(() => Float, { nullable: true, description: 'noShows / dueBookings.' })
  noShowRate!: number | null;
}
