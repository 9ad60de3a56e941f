import type { DayPart as DomainDayPart } from '@nahbar/domain';
import { Field, Int, ObjectType } from '@nestjs/graphql';

import { DayPart } from './enums.js';
import { Refusal } from './recurring-booking-result.model.js';

@ObjectType('OfficeDay', {
  description:
    'Whether an office takes bookings on a date and part of the day, and why not: what booking any of its desks ' +
    'would be refused with, known before anyone tries. Counts only, never who booked.',
})
export class OfficeDay {
  @Field({ description: 'Civil date YYYY-MM-DD (Europe/Berlin).' })
  date!: string;

  @Field(() => DayPart)
  part!: DomainDayPart;

  @Field({ description: 'A desk can be booked now: no refusal, and not full.' })
  bookable!: boolean;

  @Field(() => Refusal, {
    nullable: true,
    description:
      'Why no desk can be booked, with the refusal codes and texts of bookDesk: DATE_IN_PAST, BEYOND_HORIZON, ' +
      'HOLIDAY, CLOSURE (with its reason), CLOSED_WEEKDAY, or OVER_CAPACITY when the cap is reached. Null when open ' +
      'and below the cap, also when every desk is simply taken (see `full`).',
  })
  refusal!: Refusal | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Most desks that may be booked per half-day (the cap, in desks); null when the office has no cap.',
  })
  capacity!: number | null;

  @Field(() => Int, {
    description: 'Live bookings in the busier half of the day that the part covers: the figure held against the cap.',
  })
  booked!: number;

  @Field({
    description:
      'The office is open that day but no desk can be booked for the part: the cap is reached or every active desk ' +
      'is taken. Then a person may join the waitlist.',
  })
  full!: boolean;
}
