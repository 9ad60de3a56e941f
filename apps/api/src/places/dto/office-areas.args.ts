import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class OfficeAreasArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'officeId must be an office id (a UUID).' })
  officeId!: string;
}
