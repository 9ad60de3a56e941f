import { PRESENCE_PERIODS, type PresencePeriod } from '@nahbar/domain';
import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export const PresencePeriodEnum = Object.fromEntries(PRESENCE_PERIODS.map((period) => [period, period])) as Record<
  PresencePeriod,
  PresencePeriod
>;

registerEnumType(PresencePeriodEnum, {
  name: 'PresencePeriod',
  description: 'What a presence policy counts office days in.',
  valuesMap: {
    WEEK: { description: 'ISO weeks, Monday to Sunday.' },
    MONTH: { description: 'Calendar months.' },
  },
});

@ObjectType('PresencePolicy', {
  description: "A team's presence policy: at least `minDays` office days per period, and fixed weekdays if any.",
})
export class PresencePolicy {
  @Field(() => PresencePeriodEnum)
  period!: PresencePeriod;

  @Field(() => Int)
  minDays!: number;

  @Field(() => [Int], { description: 'ISO weekdays 1 (Monday) to 5 (Friday) on which members come in.' })
  fixedWeekdays!: number[];
}
