import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class AreaIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'areaId must be an area id (a UUID).' })
  areaId!: string;
}
