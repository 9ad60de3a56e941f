import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, Matches } from 'class-validator';

import { VISIBILITIES, type Visibility, VisibilityEnum } from '../models/enums.js';

@InputType('UpdateProfileInput', { description: 'Fields left out stay as they are.' })
export class UpdateProfileInput {
  @Field(() => String, { nullable: true, description: 'Five digits; an empty string removes it.' })
  @IsOptional()
  @Matches(/^(\d{5})?$/, { message: 'homePostalCode must be a German postal code of five digits, e.g. 90762.' })
  homePostalCode?: string | null;

  @Field(() => VisibilityEnum, { nullable: true })
  @IsOptional()
  @IsIn(VISIBILITIES)
  visibility?: Visibility | null;
}
