import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class CheckInTokenArgs {
  @Field({ description: 'The token of the check-in link on the desk (its QR code).' })
  @IsString()
  @MaxLength(200, { message: 'token is too long to be a check-in token.' })
  token!: string;
}
