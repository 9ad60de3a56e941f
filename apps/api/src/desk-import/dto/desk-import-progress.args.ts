import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class DeskImportProgressArgs {
  @Field(() => ID, { description: 'The importId given to importDesks.' })
  @IsUUID('all', { message: 'importId must be a UUID.' })
  importId!: string;
}
