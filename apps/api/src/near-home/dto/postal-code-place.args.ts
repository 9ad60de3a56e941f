import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class PostalCodePlaceArgs {
  @Field({ description: 'Five digits, e.g. 91052.' })
  @IsString()
  @MaxLength(10)
  code!: string;
}
