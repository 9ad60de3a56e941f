import type { DayPart as DomainDayPart } from '@nahbar/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';

import { DayPart } from '../models/enums.js';

@InputType('BookDeskInput')
export class BookDeskInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'deskId must be a desk id (a UUID).' })
  deskId!: string;

  /** Checked by the domain library (INVALID_DATE, DATE_IN_PAST); only the shape is bounded here. */
  @Field({ description: 'Civil date YYYY-MM-DD (Europe/Berlin).' })
  @IsString()
  @MaxLength(40)
  date!: string;

  @Field(() => DayPart)
  @IsIn(Object.values(DayPart))
  part!: DomainDayPart;
}
