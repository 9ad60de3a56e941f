import type { DayPart as DomainDayPart } from '@nahbar/domain';
import { Field, ID, ObjectType } from '@nestjs/graphql';

import { DayPart } from '../../bookings/models/enums.js';
import { Colleague } from './colleague.model.js';

@ObjectType('ColleagueInOffice', {
  description: 'A colleague who allows it and has booked a desk at the office on the day ("who is in").',
})
export class ColleagueInOffice {
  @Field(() => Colleague)
  colleague!: Colleague;

  @Field(() => DayPart)
  part!: DomainDayPart;

  @Field(() => ID)
  deskId!: string;

  @Field()
  deskCode!: string;

  @Field(() => ID)
  areaId!: string;

  @Field()
  areaName!: string;
}
