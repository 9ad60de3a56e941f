import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class FavouriteDeskArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'deskId must be a desk id (a UUID).' })
  deskId!: string;
}
