import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';

import type { Caller } from '../identity/caller.js';
import { CurrentCaller, CurrentPersonId } from '../identity/current-person.decorator.js';
import { JoinWaitlistInput } from './dto/join-waitlist.input.js';
import { WaitlistEntryIdArgs } from './dto/waitlist-entry-id.args.js';
import { WaitlistEntry } from './models/waitlist-entry.model.js';
import { WaitlistService } from './waitlist.service.js';

@Resolver(() => WaitlistEntry)
export class WaitlistResolver {
  constructor(private readonly waitlist: WaitlistService) {}

  @Query(() => [WaitlistEntry], { description: 'Your waitlist entries from today on (waiting and assigned), by date.' })
  myWaitlist(@CurrentPersonId() personId: string): Promise<WaitlistEntry[]> {
    return this.waitlist.mine(personId);
  }

  @Mutation(() => WaitlistEntry, {
    description: 'Waits for a desk at a full office; when one frees up, the first waiting gets it booked at once.',
  })
  joinWaitlist(@Args('input') input: JoinWaitlistInput, @CurrentCaller() caller: Caller): Promise<WaitlistEntry> {
    return this.waitlist.join(caller, input);
  }

  @Mutation(() => WaitlistEntry, { description: 'Leaves a waitlist you are waiting on.' })
  leaveWaitlist(@Args() { id }: WaitlistEntryIdArgs, @CurrentPersonId() personId: string): Promise<WaitlistEntry> {
    return this.waitlist.leave(personId, id);
  }
}
