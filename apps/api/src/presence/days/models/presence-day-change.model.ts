import { Field, ObjectType } from '@nestjs/graphql';

import type { PresenceDayChangeReason } from '../../../realtime/team-presence-events.js';
import { PresenceDayChangeReasonEnum } from './enums.js';
import { PresenceDay } from './presence-day.model.js';

@ObjectType('PresenceDayChange', { description: 'Something happened to a team day of your team.' })
export class PresenceDayChange {
  @Field(() => PresenceDay)
  presenceDay!: PresenceDay;

  @Field(() => PresenceDayChangeReasonEnum)
  reason!: PresenceDayChangeReason;
}
