import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

/** One team by id; a malformed id reads as TEAM_NOT_FOUND, like any team the caller may not see. */
@ArgsType()
export class TeamIdArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  id!: string;
}

@ArgsType()
export class TeamIdOnlyArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  teamId!: string;
}
