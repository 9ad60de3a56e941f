import type { DayPart as DomainDayPart } from '@nahbar/domain';
import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';

import { DayPart } from '../models/enums.js';

@ArgsType()
export class DeskAvailabilityArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'officeId must be an office id (a UUID).' })
  officeId!: string;

  @Field({ description: 'Civil date YYYY-MM-DD (Europe/Berlin).' })
  @IsString()
  @MaxLength(40)
  date!: string;

  @Field(() => DayPart)
  @IsIn(Object.values(DayPart))
  part!: DomainDayPart;
}
