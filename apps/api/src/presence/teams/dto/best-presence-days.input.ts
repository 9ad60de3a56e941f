import type { DayPart as DomainDayPart } from '@nahbar/domain';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

import { DayPart } from '../../../bookings/models/enums.js';

/** The range (at most 62 days) and the number of offices (at most 50) are checked by the service. */
@InputType('BestPresenceDaysInput')
export class BestPresenceDaysInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'teamId must be a team id (a UUID).' })
  teamId!: string;

  @Field({ description: 'First civil date YYYY-MM-DD (Europe/Berlin).' })
  @IsString()
  @MaxLength(40)
  from!: string;

  @Field({ description: 'Last civil date YYYY-MM-DD (Europe/Berlin), at most 61 days after `from`.' })
  @IsString()
  @MaxLength(40)
  to!: string;

  @Field(() => [ID], {
    nullable: true,
    description: 'Offices to consider (at most 50); all offices the team’s organisation may book when left out.',
  })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true, message: 'officeIds must be office ids (UUIDs).' })
  officeIds?: string[] | null;

  @Field(() => DayPart, { defaultValue: 'FULL_DAY' })
  @IsIn(Object.values(DayPart))
  part!: DomainDayPart;

  @Field(() => Int, { defaultValue: 10 })
  @IsInt()
  @Min(1)
  @Max(50)
  limit!: number;
}
