import type { DayPart as DomainDayPart } from '@nahbar/domain';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

import { DayPart } from '../models/enums.js';

/** Weeks a series may span at most. */
export const MAX_RECURRING_WEEKS = 26;

@InputType('BookRecurringInput', { description: 'A series: the desk on the given weekdays for a number of weeks.' })
export class BookRecurringInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'deskId must be a desk id (a UUID).' })
  deskId!: string;

  @Field(() => DayPart)
  @IsIn(Object.values(DayPart))
  part!: DomainDayPart;

  @Field(() => [Int], { description: 'ISO weekdays: 1 = Monday … 7 = Sunday.' })
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  @Min(1, { each: true, message: 'weekdays must be 1 (Monday) to 7 (Sunday).' })
  @Max(7, { each: true, message: 'weekdays must be 1 (Monday) to 7 (Sunday).' })
  weekdays!: number[];

  @Field({ description: 'First day of the series, civil date YYYY-MM-DD (Europe/Berlin).' })
  @IsString()
  @MaxLength(40)
  from!: string;

  @Field(() => Int, { description: `How many weeks from \`from\` on: 1 to ${MAX_RECURRING_WEEKS}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_RECURRING_WEEKS)
  weeks!: number;

  @Field(() => Boolean, { defaultValue: false, description: 'Book all dates or none.' })
  @IsBoolean()
  allOrNothing!: boolean;
}
