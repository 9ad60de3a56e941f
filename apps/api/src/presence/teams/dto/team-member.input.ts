import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@InputType('TeamMemberInput')
export class TeamMemberInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'teamId must be a team id (a UUID).' })
  teamId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'personId must be a person id (a UUID).' })
  personId!: string;
}
