import { Field, ID, ObjectType } from '@nestjs/graphql';

import { AreaOccupancy } from './area-occupancy.model.js';
import { HalfDayOccupancy } from './half-day-occupancy.model.js';

@ObjectType('OfficeOccupancy', {
  description: 'How full an office is on a date, per area and in total, per half of the day: counts only.',
})
export class OfficeOccupancy {
  @Field(() => ID)
  officeId!: string;

  @Field()
  officeName!: string;

  @Field({ description: 'Civil date YYYY-MM-DD (Europe/Berlin).' })
  date!: string;

  @Field(() => [AreaOccupancy], { description: 'The areas in their order.' })
  areas!: AreaOccupancy[];

  @Field(() => HalfDayOccupancy, { description: 'The whole office in the morning.' })
  morning!: HalfDayOccupancy;

  @Field(() => HalfDayOccupancy, { description: 'The whole office in the afternoon.' })
  afternoon!: HalfDayOccupancy;
}
