import { Field, ID, InputType, PickType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

import { PresenceDayInput } from './presence-day.input.js';

/** The new place and time of a team day: the same fields, with the same checks, as planning it. */
@InputType('MovePresenceDayInput', {
  description: 'Where and when a team day is to be held instead; answers are kept.',
})
export class MovePresenceDayInput extends PickType(
  PresenceDayInput,
  ['officeId', 'date', 'part', 'acceptShortfall'] as const,
  InputType,
) {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a team day id (a UUID).' })
  id!: string;
}
