import { Field, ID, ObjectType } from '@nestjs/graphql';

import { HalfDayOccupancy } from './half-day-occupancy.model.js';

@ObjectType('AreaOccupancy', { description: 'Occupancy of one area (floor, zone) of an office on a date.' })
export class AreaOccupancy {
  @Field(() => ID)
  areaId!: string;

  @Field()
  areaName!: string;

  @Field(() => HalfDayOccupancy)
  morning!: HalfDayOccupancy;

  @Field(() => HalfDayOccupancy)
  afternoon!: HalfDayOccupancy;
}
