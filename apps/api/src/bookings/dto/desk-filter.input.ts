import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType('DeskFilter', { description: 'Narrows the desks of an office; every field given must match.' })
export class DeskFilter {
  @Field(() => [String], {
    nullable: true,
    description: 'The desk must have ALL of these, as in `equipment` (e.g. MONITOR, DOCKING_STATION).',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  equipment?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only desks suitable (true) or not marked suitable (false) for wheelchairs.',
  })
  @IsOptional()
  @IsBoolean()
  accessible?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Only desks of this area of the office.' })
  @IsOptional()
  @IsUUID('all', { message: 'areaId must be an area id (a UUID).' })
  areaId?: string | null;
}
