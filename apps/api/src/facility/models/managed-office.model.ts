import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

import { Office } from '../../places/models/office.model.js';

@ObjectType('ManagedDesk', { description: 'A desk as its facility management sees it: never who booked it.' })
export class ManagedDesk {
  @Field(() => ID)
  id!: string;

  @Field()
  code!: string;

  @Field({ description: 'Blocked desks cannot be booked.' })
  blocked!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the desk is blocked.' })
  blockedReason!: string | null;
}

@ObjectType('ManagedArea')
export class ManagedArea {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => [ManagedDesk])
  desks!: ManagedDesk[];
}

@ObjectType('OfficeClosure', { description: 'Days on which an office takes no bookings (both ends inclusive).' })
export class OfficeClosure {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'First closed day, civil date YYYY-MM-DD.' })
  from!: string;

  @Field({ description: 'Last closed day (inclusive), civil date YYYY-MM-DD.' })
  to!: string;

  @Field()
  reason!: string;
}

@ObjectType('ManagedOffice', {
  description: 'An office the caller runs (facility manager, or admin of its operator): desks, closures, cap.',
})
export class ManagedOffice {
  @Field(() => Office)
  office!: Office;

  @Field(() => Float, {
    nullable: true,
    description: 'Share (0.01 … 1) of the active desks bookable per half-day; null: no cap.',
  })
  capacityShare!: number | null;

  @Field(() => Int, { description: 'Desks, blocked or not.' })
  totalDesks!: number;

  @Field(() => [ManagedArea])
  areas!: ManagedArea[];

  @Field(() => [OfficeClosure], { description: 'Closures that end today or later, by start.' })
  closures!: OfficeClosure[];
}

@ObjectType('FacilityOperationResult', {
  description: 'What an operation did (or, as a dry run, would do): counts only, never who was affected.',
})
export class FacilityOperationResult {
  @Field(() => ManagedOffice, { description: 'The office as it is now (unchanged after a dry run).' })
  office!: ManagedOffice;

  @Field(() => Int, { description: 'Bookings from today on that were (or would be) cancelled.' })
  cancelledBookings!: number;

  @Field(() => Int, { description: 'Waitlist entries of closed dates that were (or would be) ended.' })
  endedWaitlistEntries!: number;

  @Field(() => Int, {
    description: 'People waiting who got a desk because the operation made room (an unblocked desk, a higher cap).',
  })
  seatedFromWaitlist!: number;

  @Field({ description: 'True: nothing was changed, the counts say what the operation would do.' })
  dryRun!: boolean;
}
