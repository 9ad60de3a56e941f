import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class OfficeArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an office id (a UUID).' })
  id!: string;
}
