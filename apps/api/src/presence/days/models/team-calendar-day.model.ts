import type { DayPart as DomainDayPart } from '@nahbar/domain';
import { Field, ID, ObjectType } from '@nestjs/graphql';

import { DayPart } from '../../../bookings/models/enums.js';
import { Office } from '../../../places/models/office.model.js';
import { PresenceDay } from './presence-day.model.js';

@ObjectType('ColleaguePresence', {
  description: 'A member of the team who lets you see it is in an office that day (never a past day).',
})
export class ColleaguePresence {
  @Field(() => ID)
  personId!: string;

  @Field()
  displayName!: string;

  @Field(() => Office)
  office!: Office;

  @Field(() => DayPart)
  part!: DomainDayPart;
}

@ObjectType('TeamCalendarDay', { description: "One date of a team's calendar." })
export class TeamCalendarDay {
  @Field({ description: 'Civil date YYYY-MM-DD (Europe/Berlin).' })
  date!: string;

  @Field(() => [PresenceDay])
  presenceDays!: PresenceDay[];

  @Field(() => [ColleaguePresence], {
    description: 'Who is in where: only members who allow it (visibility TEAMS or ORGANISATION), from today on.',
  })
  whoIsIn!: ColleaguePresence[];
}
