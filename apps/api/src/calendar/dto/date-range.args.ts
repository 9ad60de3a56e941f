import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

/** A range of civil dates (at most 62 days; checked by the service: INVALID_DATE_RANGE). */
@ArgsType()
export class DateRangeArgs {
  @Field({ description: 'First civil date YYYY-MM-DD (Europe/Berlin).' })
  @IsString()
  @MaxLength(40)
  from!: string;

  @Field({ description: 'Last civil date YYYY-MM-DD (Europe/Berlin), at most 61 days after `from`.' })
  @IsString()
  @MaxLength(40)
  to!: string;
}
