import type { DayPart as DomainDayPart } from '@nahbar/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsString, IsUUID, MaxLength } from 'class-validator';

import { DayPart } from '../../../bookings/models/enums.js';

@InputType('MovePresenceDayInput', {
  description: 'Where and when a team day is to be held instead; answers are kept.',
})
export class MovePresenceDayInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a team day id (a UUID).' })
  id!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'officeId must be an office id (a UUID).' })
  officeId!: string;

  @Field({ description: 'Civil date YYYY-MM-DD (Europe/Berlin).' })
  @IsString()
  @MaxLength(40)
  date!: string;

  @Field(() => DayPart, { defaultValue: DayPart.FULL_DAY })
  @IsIn(Object.values(DayPart))
  part!: DomainDayPart;

  @Field({ defaultValue: false, description: 'Save even when desks are short at the new place.' })
  @IsBoolean()
  acceptShortfall!: boolean;
}
