import { Field, ID, ObjectType } from '@nestjs/graphql';

import { Office } from '../../places/models/office.model.js';
import { Booking } from './booking.model.js';

@ObjectType('CheckInDesk', { description: 'The desk a check-in link (its QR code) points at.' })
export class CheckInDesk {
  @Field(() => ID)
  deskId!: string;

  @Field()
  code!: string;

  @Field()
  areaName!: string;

  @Field(() => Office)
  office!: Office;

  @Field(() => Booking, {
    nullable: true,
    description: "The caller's live booking of this desk today (Europe/Berlin), if any.",
  })
  myBookingToday!: Booking | null;
}
