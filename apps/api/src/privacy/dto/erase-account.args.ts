import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class EraseAccountArgs {
  @Field({ description: 'The confirmation typed by the person: LÖSCHEN or DELETE.' })
  @IsString()
  @MaxLength(100)
  confirm!: string;
}
