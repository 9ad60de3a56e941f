import { Field, Int, ObjectType } from '@nestjs/graphql';

import { Team } from '../../../organisations/models/team.model.js';
import { PresencePolicy } from './presence-policy.model.js';

@ObjectType('PresencePeriodProgress', {
  description: 'How your own planned bookings meet a policy in one period. Only you see this.',
})
export class PresencePeriodProgress {
  @Field({ description: 'First civil date of the period.' })
  from!: string;

  @Field({ description: 'Last civil date of the period.' })
  to!: string;

  @Field(() => Int, { description: 'Office days asked for, scaled down for public holidays.' })
  required!: number;

  @Field(() => Int, { description: 'Days with a live booking of yours in the period (any office).' })
  planned!: number;

  @Field()
  met!: boolean;

  @Field(() => Int, { description: 'Monday to Friday in the period that are not public holidays.' })
  workingDays!: number;

  @Field(() => [String], { description: 'Public holidays on weekdays in the period.' })
  holidays!: string[];

  @Field(() => [String], { description: 'Fixed weekdays of the period that are working days without a booking.' })
  missingFixedWeekdays!: string[];
}

@ObjectType('PresenceProgress', { description: 'Your progress against the policy of one of your teams.' })
export class PresenceProgress {
  @Field(() => Team)
  team!: Team;

  @Field(() => PresencePolicy)
  policy!: PresencePolicy;

  @Field(() => [PresencePeriodProgress], { description: 'The current period and the next one.' })
  periods!: PresencePeriodProgress[];
}
