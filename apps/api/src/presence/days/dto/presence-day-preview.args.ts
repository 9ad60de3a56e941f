import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, ValidateNested } from 'class-validator';

import { PresenceDayInput } from './presence-day.input.js';

@ArgsType()
export class PresenceDayPreviewArgs {
  @Field(() => PresenceDayInput)
  @ValidateNested()
  @Type(() => PresenceDayInput)
  input!: PresenceDayInput;

  @Field(() => ID, {
    nullable: true,
    description: 'The team day being moved: its own desks count as free and its own date is no conflict.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'movingId must be a team day id (a UUID).' })
  movingId?: string | null;
}
