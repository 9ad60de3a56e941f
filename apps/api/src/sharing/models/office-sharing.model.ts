import { Field, Int, ObjectType } from '@nestjs/graphql';

import { Organisation } from '../../organisations/models/organisation.model.js';
import { Office } from '../../places/models/office.model.js';

@ObjectType('OfficeSharing', { description: 'An office and the organisations besides its operator that may book it.' })
export class OfficeSharing {
  @Field(() => Office)
  office!: Office;

  @Field(() => [Organisation])
  sharedWith!: Organisation[];
}

@ObjectType('RevokeSharingResult')
export class RevokeSharingResult {
  @Field(() => OfficeSharing)
  sharing!: OfficeSharing;

  @Field(() => Int, { description: 'Bookings from today on that were cancelled because you chose so.' })
  cancelledBookings!: number;
}
