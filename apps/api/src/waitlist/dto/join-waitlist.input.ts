import type { DayPart as DomainDayPart } from '@nahbar/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';

import { DayPart } from '../../bookings/models/enums.js';

@InputType('JoinWaitlistInput')
export class JoinWaitlistInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'officeId must be an office id (a UUID).' })
  officeId!: string;

  @Field({ description: 'Civil date YYYY-MM-DD (Europe/Berlin).' })
  @IsString()
  @MaxLength(40)
  date!: string;

  @Field(() => DayPart)
  @IsIn(Object.values(DayPart))
  part!: DomainDayPart;
}
