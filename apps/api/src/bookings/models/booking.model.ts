import type { DayPart as DomainDayPart } from '@nahbar/domain';
import { Field, ID, ObjectType } from '@nestjs/graphql';

import { Office } from '../../places/models/office.model.js';
import type { BookingStatus as EntityBookingStatus } from '../booking.entity.js';
import { BookingStatus, DayPart } from './enums.js';

@ObjectType('Booking')
export class Booking {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Civil date YYYY-MM-DD (Europe/Berlin).' })
  date!: string;

  @Field(() => DayPart)
  part!: DomainDayPart;

  @Field(() => BookingStatus)
  status!: EntityBookingStatus;

  @Field(() => ID)
  deskId!: string;

  @Field()
  deskCode!: string;

  @Field()
  areaName!: string;

  @Field(() => Office)
  office!: Office;

  @Field({ description: 'When the booking was made (ISO 8601 instant).' })
  createdAt!: string;

  @Field(() => String, {
    nullable: true,
    description: 'When you checked in at the desk (ISO 8601 instant), if you did.',
  })
  checkedInAt!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Why the booking was cancelled by the office's facility management (the desk's block or the closure's " +
      'reason), if it was and a reason was given.',
  })
  cancellationReason!: string | null;
}
