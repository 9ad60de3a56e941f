import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class DeskIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'deskId must be a desk id (a UUID).' })
  deskId!: string;
}

@ArgsType()
export class ClosureIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a closure id (a UUID).' })
  id!: string;
}
