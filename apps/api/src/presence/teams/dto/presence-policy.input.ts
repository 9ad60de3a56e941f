import { PRESENCE_PERIODS, type PresencePeriod } from '@nahbar/domain';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsUUID } from 'class-validator';

import { PresencePeriodEnum } from '../models/presence-policy.model.js';

/** The ranges are checked by the domain library (INVALID_POLICY, with German and English texts). */
@InputType('PresencePolicyInput')
export class PresencePolicyInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'teamId must be a team id (a UUID).' })
  teamId!: string;

  @Field(() => PresencePeriodEnum)
  @IsIn(PRESENCE_PERIODS)
  period!: PresencePeriod;

  @Field(() => Int)
  @IsInt()
  minDays!: number;

  @Field(() => [Int], { defaultValue: [], description: 'ISO weekdays 1 (Monday) to 5 (Friday).' })
  @IsArray()
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  fixedWeekdays!: number[];
}
