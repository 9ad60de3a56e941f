import type { DayPart as DomainDayPart } from '@nahbar/domain';
import { Field, ID, ObjectType } from '@nestjs/graphql';

import { DayPart } from '../../bookings/models/enums.js';

@ObjectType('ColleagueDay', { description: 'Where a favourite colleague has booked a desk on a day.' })
export class ColleagueDay {
  @Field({ description: 'Civil date YYYY-MM-DD (Europe/Berlin).' })
  date!: string;

  @Field(() => DayPart)
  part!: DomainDayPart;

  @Field(() => ID)
  officeId!: string;

  @Field()
  officeName!: string;

  @Field(() => ID)
  deskId!: string;

  @Field()
  deskCode!: string;

  @Field()
  areaName!: string;
}

@ObjectType('FavouriteColleague', {
  description:
    'A colleague you marked as a favourite, with the days they are in over the next two weeks at offices you may ' +
    'book — only while they let you see it.',
})
export class FavouriteColleague {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;

  @Field({
    description:
      'They currently let you see when they are in. When false, `upcoming` is empty: they changed their visibility.',
  })
  visible!: boolean;

  @Field(() => [ColleagueDay])
  upcoming!: ColleagueDay[];
}
