import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class BookingIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a booking id (a UUID).' })
  id!: string;
}
