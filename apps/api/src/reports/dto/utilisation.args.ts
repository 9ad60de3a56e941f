import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, IsUUID, MaxLength } from 'class-validator';

/** A range of civil dates; checked by the service (INVALID_DATE, INVALID_RANGE), only the shape is bounded here. */
@ArgsType()
export class UtilisationRangeArgs {
  @Field({ description: 'First day, civil date YYYY-MM-DD (Europe/Berlin).' })
  @IsString()
  @MaxLength(40)
  from!: string;

  @Field({ description: 'Last day (inclusive), civil date YYYY-MM-DD; at most 366 days after `from`, counting both.' })
  @IsString()
  @MaxLength(40)
  to!: string;
}

@ArgsType()
export class OfficeUtilisationArgs extends UtilisationRangeArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'officeId must be an office id (a UUID).' })
  officeId!: string;
}
