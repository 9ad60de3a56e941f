import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

import { TeamIdOnlyArgs } from './team-id.args.js';

@ArgsType()
export class TeamCandidatesArgs extends TeamIdOnlyArgs {
  @Field(() => String, { nullable: true, description: 'Part of the name.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string | null;
}
