import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class TeamPresenceArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'teamId must be a team id (a UUID).' })
  teamId!: string;
}
