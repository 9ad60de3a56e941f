import type { DayPart as DomainDayPart } from '@nahbar/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

import { DayPart } from '../../../bookings/models/enums.js';

@InputType('PresenceDayInput', { description: 'A team day to plan (or to preview before planning it).' })
export class PresenceDayInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'teamId must be a team id (a UUID).' })
  teamId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'officeId must be an office id (a UUID).' })
  officeId!: string;

  /** Checked by the domain library (INVALID_DATE, DATE_IN_PAST); only the shape is bounded here. */
  @Field({ description: 'Civil date YYYY-MM-DD (Europe/Berlin).' })
  @IsString()
  @MaxLength(40)
  date!: string;

  @Field(() => DayPart, { defaultValue: DayPart.FULL_DAY })
  @IsIn(Object.values(DayPart))
  part!: DomainDayPart;

  @Field({ defaultValue: false, description: 'Members are expected to come (optional days only invite).' })
  @IsBoolean()
  mandatory!: boolean;

  @Field(() => String, { nullable: true, description: 'A note for the members, at most 500 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'note must be at most 500 characters long.' })
  note?: string | null;

  @Field({
    defaultValue: false,
    description: 'Save even when desks are short: members are seated in order of name, the rest get none.',
  })
  @IsBoolean()
  acceptShortfall!: boolean;
}
