import type { DayPart as DomainDayPart } from '@nahbar/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';

import { DayPart } from '../../bookings/models/enums.js';

@InputType('BookNextToInput')
export class BookNextToInput {
  @Field(() => ID, { description: 'The colleague to sit next to; they must let you see when they are in.' })
  @IsUUID('all', { message: 'colleagueId must be a person id (a UUID).' })
  colleagueId!: string;

  @Field({ description: 'Civil date YYYY-MM-DD (Europe/Berlin) on which the colleague has booked.' })
  @IsString()
  @MaxLength(40)
  date!: string;

  @Field(() => DayPart)
  @IsIn(Object.values(DayPart))
  part!: DomainDayPart;
}
