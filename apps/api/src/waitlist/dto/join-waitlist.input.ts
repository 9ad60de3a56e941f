import { InputType, PickType } from '@nestjs/graphql';

import { DeskAvailabilityArgs } from '../../bookings/dto/desk-availability.args.js';

/** An office, a civil date and a part of the day: the same fields, validated the same way, as desk availability. */
@InputType('JoinWaitlistInput')
export class JoinWaitlistInput extends PickType(
  DeskAvailabilityArgs,
  ['officeId', 'date', 'part'] as const,
  InputType,
) {}
