import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class WaitlistEntryIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a waitlist entry id (a UUID).' })
  id!: string;
}
