import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsIn, IsUUID } from 'class-validator';

import { PresenceAnswerEnum } from '../models/enums.js';
import { PRESENCE_ANSWERS, type PresenceAnswer } from '../presence-answer.entity.js';

@ArgsType()
export class AnswerPresenceDayArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a team day id (a UUID).' })
  id!: string;

  @Field(() => PresenceAnswerEnum)
  @IsIn(PRESENCE_ANSWERS)
  answer!: PresenceAnswer;
}
