import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';

import { DeskAvailabilityArgs } from './desk-availability.args.js';
import { DeskFilter } from './desk-filter.input.js';

/** The desk search: the availability of an office's desks, optionally filtered. */
@ArgsType()
export class DeskSearchArgs extends DeskAvailabilityArgs {
  @Field(() => DeskFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeskFilter)
  filter?: DeskFilter | null;
}
