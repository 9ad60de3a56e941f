import type { DayPart as DomainDayPart } from '@nahbar/domain';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

import { Booking } from '../../../bookings/models/booking.model.js';
import { DayPart } from '../../../bookings/models/enums.js';
import { Office } from '../../../places/models/office.model.js';
import type { PresenceAnswer } from '../presence-answer.entity.js';
import { PresenceAnswerEnum } from './enums.js';

@ObjectType('PresenceAnswerCounts', { description: 'How the members of the team answered, and how many have a desk.' })
export class PresenceAnswerCounts {
  @Field(() => Int)
  attending!: number;

  @Field(() => Int)
  away!: number;

  @Field(() => Int, { description: 'Members who have not answered yet.' })
  open!: number;

  @Field(() => Int, { description: 'Members holding a desk booked for the team day.' })
  seated!: number;
}

@ObjectType('MemberAnswer', { description: "One member's answer to a team day (for the team's leads)." })
export class MemberAnswer {
  @Field(() => ID)
  personId!: string;

  @Field()
  displayName!: string;

  @Field(() => PresenceAnswerEnum, { nullable: true, description: 'Null: not answered yet.' })
  answer!: PresenceAnswer | null;

  @Field({ description: 'Holds a desk booked for the team day.' })
  seated!: boolean;
}

@ObjectType('PresenceDay', { description: 'A team day (Präsenztag): the team meets at an office on a date.' })
export class PresenceDay {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  teamId!: string;

  @Field()
  teamName!: string;

  @Field({ description: 'Civil date YYYY-MM-DD (Europe/Berlin).' })
  date!: string;

  @Field(() => DayPart)
  part!: DomainDayPart;

  @Field(() => Office)
  office!: Office;

  @Field()
  mandatory!: boolean;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field()
  cancelled!: boolean;

  @Field(() => PresenceAnswerEnum, {
    nullable: true,
    description: 'Your answer; null when you have not answered (or are not a member).',
  })
  myAnswer!: PresenceAnswer | null;

  @Field(() => Booking, { nullable: true, description: 'Your live desk booking made for this team day, if any.' })
  myBooking!: Booking | null;

  @Field(() => PresenceAnswerCounts)
  answers!: PresenceAnswerCounts;

  @Field(() => [MemberAnswer], {
    nullable: true,
    description: "Each member's answer: for the team's leads only; null for its other members.",
  })
  memberAnswers!: MemberAnswer[] | null;

  @Field(() => String, { nullable: true, description: 'The area where the team sits (most of its desks), if any.' })
  areaName!: string | null;
}
