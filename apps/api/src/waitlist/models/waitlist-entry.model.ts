import type { DayPart as DomainDayPart } from '@nahbar/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

import { Booking } from '../../bookings/models/booking.model.js';
import { DayPart } from '../../bookings/models/enums.js';
import { Office } from '../../places/models/office.model.js';
import type { WaitlistStatus as EntityWaitlistStatus } from '../waitlist-entry.entity.js';

export const WaitlistStatus = {
  WAITING: 'WAITING',
  ASSIGNED: 'ASSIGNED',
  LEFT: 'LEFT',
} as const satisfies Record<EntityWaitlistStatus, EntityWaitlistStatus>;

registerEnumType(WaitlistStatus, {
  name: 'WaitlistStatus',
  valuesMap: {
    WAITING: { description: 'Waiting for a desk.' },
    ASSIGNED: { description: 'A desk freed up and was booked for you (`booking`).' },
    LEFT: { description: 'You left the waitlist.' },
  },
});

@ObjectType('WaitlistEntry', { description: 'Your place on the waitlist of an office for a date and part of the day.' })
export class WaitlistEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => Office)
  office!: Office;

  @Field({ description: 'Civil date YYYY-MM-DD (Europe/Berlin).' })
  date!: string;

  @Field(() => DayPart)
  part!: DomainDayPart;

  @Field(() => WaitlistStatus)
  status!: EntityWaitlistStatus;

  @Field(() => Int, {
    nullable: true,
    description: 'Place among the people waiting for the office and date (1: next); null unless WAITING.',
  })
  position!: number | null;

  @Field(() => Booking, { nullable: true, description: 'The booking the waitlist made for you (ASSIGNED).' })
  booking!: Booking | null;
}
