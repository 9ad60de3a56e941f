import { Field, Int, ObjectType } from '@nestjs/graphql';

import { PrivateCount } from './private-count.model.js';

@ObjectType('TeamPolicySummary', {
  description: "How many of a team's members meet its policy in the current period: counts only, never who.",
})
export class TeamPolicySummary {
  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field(() => Int)
  members!: number;

  @Field(() => PrivateCount)
  meeting!: PrivateCount;

  @Field(() => PrivateCount)
  notMeeting!: PrivateCount;
}
