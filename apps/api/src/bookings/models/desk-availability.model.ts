import { Field, Float, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('DeskAvailability', {
  description: 'Whether a desk is free on a date. Never says who booked it, unless it is the caller.',
})
export class DeskAvailability {
  @Field(() => ID)
  deskId!: string;

  @Field(() => ID)
  areaId!: string;

  @Field()
  code!: string;

  @Field()
  areaName!: string;

  @Field({ description: 'Suitable for wheelchair users (height, space, access).' })
  accessible!: boolean;

  @Field(() => [String], { description: 'What the desk has, e.g. MONITOR, DOCKING_STATION, HEIGHT_ADJUSTABLE.' })
  equipment!: string[];

  @Field()
  morningFree!: boolean;

  @Field()
  afternoonFree!: boolean;

  @Field({ description: 'Free for the part of the day asked for (never when blocked).' })
  free!: boolean;

  @Field({ description: 'Blocked by the facility management: it cannot be booked, whatever the day.' })
  blocked!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the desk is blocked, when it is and a reason was given.' })
  blockedReason!: string | null;

  @Field(() => ID, { nullable: true, description: "The caller's own booking that occupies this desk, if any." })
  myBookingId!: string | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Centre of the desk on its area's floor plan, as a fraction (0..1) of the plan's width; null when not placed.",
  })
  positionX!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Centre of the desk on its area's floor plan, as a fraction (0..1) of the plan's height; null when not placed.",
  })
  positionY!: number | null;
}
