import { Field, Float, ObjectType } from '@nestjs/graphql';

import { Office } from '../../places/models/office.model.js';

@ObjectType('OfficeNearHome', { description: 'An office you may book, with its straight-line distance from home.' })
export class OfficeNearHome {
  @Field(() => Office)
  office!: Office;

  @Field(() => Float, { description: 'Straight-line distance from your home postal code in km, to 0.1 km.' })
  distanceKm!: number;

  @Field(() => Float, { description: "The office's latitude (WGS 84), for a map." })
  latitude!: number;

  @Field(() => Float, { description: "The office's longitude (WGS 84), for a map." })
  longitude!: number;
}
