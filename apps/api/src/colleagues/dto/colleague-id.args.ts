import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class ColleagueIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'colleagueId must be a person id (a UUID).' })
  colleagueId!: string;
}
