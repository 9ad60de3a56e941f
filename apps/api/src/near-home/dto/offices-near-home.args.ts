import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional } from 'class-validator';

@ArgsType()
export class OfficesNearHomeArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'Only offices within this many km (1 to 500); left out: all offices you may book.',
  })
  @IsOptional()
  @IsInt()
  radiusKm?: number | null;
}
