import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class ColleagueSearchArgs {
  @Field({ description: 'Part of the name, at least 2 characters.' })
  @IsString()
  @MaxLength(100)
  query!: string;
}
