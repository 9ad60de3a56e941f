import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Area', { description: 'A part of an office: a floor, a zone, a neighbourhood.' })
export class Area {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: "The area's floor plan: an SVG document (no scripts), or null. Desks are placed on it by position.",
  })
  floorPlanSvg!: string | null;
}
