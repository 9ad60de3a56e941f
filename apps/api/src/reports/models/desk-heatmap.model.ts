import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('HeatmapDesk', { description: 'How much one desk was used over a range of days: counts, never who.' })
export class HeatmapDesk {
  @Field(() => ID)
  deskId!: string;

  @Field()
  code!: string;

  @Field({ description: 'Blocked now; blocked desks count no available desk-days (blocks keep no history).' })
  blocked!: boolean;

  @Field(() => Float, { nullable: true, description: 'Position on the area’s floor plan, 0..1 of its width.' })
  positionX!: number | null;

  @Field(() => Float, { nullable: true, description: 'Position on the area’s floor plan, 0..1 of its height.' })
  positionY!: number | null;

  @Field(() => Int)
  availableDeskDays!: number;

  @Field(() => Float, { description: 'A morning or afternoon counts 0.5.' })
  bookedDeskDays!: number;

  @Field(() => Float, { nullable: true, description: 'bookedDeskDays / availableDeskDays, 0..1.' })
  utilisationRate!: number | null;
}

@ObjectType('HeatmapArea', { description: 'An area with its floor plan and the use of its desks.' })
export class HeatmapArea {
  @Field(() => ID)
  areaId!: string;

  @Field()
  areaName!: string;

  @Field(() => String, { nullable: true, description: 'The floor plan (SVG) the desk positions refer to.' })
  floorPlanSvg!: string | null;

  @Field(() => [HeatmapDesk], { description: 'The desks by code.' })
  desks!: HeatmapDesk[];
}

@ObjectType('DeskHeatmap', { description: 'Use of every desk of an office over a range of days, per area.' })
export class DeskHeatmap {
  @Field(() => ID)
  officeId!: string;

  @Field()
  officeName!: string;

  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field(() => Int)
  openDays!: number;

  @Field(() => [HeatmapArea], { description: 'The areas in their order.' })
  areas!: HeatmapArea[];
}
