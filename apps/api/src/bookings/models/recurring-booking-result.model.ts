import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

import { Booking } from './booking.model.js';

export const RecurringOutcomeStatus = {
  BOOKED: 'BOOKED',
  REFUSED: 'REFUSED',
  WITHHELD: 'WITHHELD',
} as const;
export type RecurringOutcomeStatus = (typeof RecurringOutcomeStatus)[keyof typeof RecurringOutcomeStatus];

registerEnumType(RecurringOutcomeStatus, {
  name: 'RecurringOutcomeStatus',
  valuesMap: {
    BOOKED: { description: 'Booked.' },
    REFUSED: { description: 'Not booked: `refusal` says why.' },
    WITHHELD: { description: 'Bookable, but not booked: all or nothing was asked for and another date was refused.' },
  },
});

@ObjectType('Refusal', { description: 'Why something was not done: a stable code and texts in English and German.' })
export class Refusal {
  @Field()
  code!: string;

  @Field({ description: 'In English.' })
  message!: string;

  @Field({ description: 'In German.' })
  messageDe!: string;
}

@ObjectType('RecurringOutcome', { description: 'What became of one date of a series.' })
export class RecurringOutcome {
  @Field({ description: 'Civil date YYYY-MM-DD (Europe/Berlin).' })
  date!: string;

  @Field(() => RecurringOutcomeStatus)
  status!: RecurringOutcomeStatus;

  @Field(() => Booking, { nullable: true, description: 'The booking made, when BOOKED.' })
  booking!: Booking | null;

  @Field(() => Refusal, { nullable: true, description: 'Why the date was not booked (REFUSED or WITHHELD).' })
  refusal!: Refusal | null;
}

@ObjectType('RecurringBookingResult')
export class RecurringBookingResult {
  @Field({ description: 'Every date of the series was booked.' })
  complete!: boolean;

  @Field(() => Int)
  bookedCount!: number;

  @Field(() => [RecurringOutcome], { description: 'One per date of the series, in date order.' })
  outcomes!: RecurringOutcome[];
}
