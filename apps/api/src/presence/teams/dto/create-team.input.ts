import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, MaxLength } from 'class-validator';

@InputType('CreateTeamInput')
export class CreateTeamInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'organisationId must be an organisation id (a UUID).' })
  organisationId!: string;

  /** Trimmed and checked by the service (INVALID_NAME); only the shape is bounded here. */
  @Field()
  @IsString()
  @MaxLength(200)
  name!: string;
}
