import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class RenameTeamArgs {
  /** A malformed id reads as TEAM_NOT_FOUND, like any team the caller may not see. */
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  id!: string;

  @Field()
  @IsString()
  @MaxLength(200)
  name!: string;
}
