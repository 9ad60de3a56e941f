import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class PresenceDayIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a team day id (a UUID).' })
  id!: string;
}
