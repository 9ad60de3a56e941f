import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';

import type { Caller } from '../identity/caller.js';
import { CurrentCaller } from '../identity/current-person.decorator.js';
import { RequiresRole } from '../identity/requires-role.decorator.js';
import { BlockDeskInput } from './dto/block-desk.input.js';
import { ClosureIdArgs, DeskIdArgs } from './dto/facility-id.args.js';
import { OfficeCapacityInput } from './dto/office-capacity.input.js';
import { OfficeClosureInput } from './dto/office-closure.input.js';
import { FacilityService } from './facility.service.js';
import { FacilityOperationResult, ManagedOffice } from './models/managed-office.model.js';

/** For facility managers of an office and admins of the organisation that runs it; which office is the service's. */
@Resolver(() => ManagedOffice)
@RequiresRole('FACILITY_MANAGER', 'ORGANISATION_ADMIN')
export class FacilityResolver {
  constructor(private readonly facility: FacilityService) {}

  @Query(() => [ManagedOffice], {
    description: 'Offices you run (facility manager, or admin of their operator): desks, closures, capacity cap.',
  })
  managedOffices(@CurrentCaller() caller: Caller): Promise<ManagedOffice[]> {
    return this.facility.managedOffices(caller);
  }

  @Mutation(() => FacilityOperationResult, {
    description:
      'Blocks a desk. Its bookings from today on are cancelled (and those above the cap, which counts active desks); ' +
      'the people affected are told live, with the reason.',
  })
  blockDesk(@Args('input') input: BlockDeskInput, @CurrentCaller() caller: Caller): Promise<FacilityOperationResult> {
    return this.facility.blockDesk(caller, input);
  }

  @Mutation(() => FacilityOperationResult, { description: 'Makes a blocked desk bookable again.' })
  unblockDesk(@Args() { deskId }: DeskIdArgs, @CurrentCaller() caller: Caller): Promise<FacilityOperationResult> {
    return this.facility.unblockDesk(caller, deskId);
  }

  @Mutation(() => FacilityOperationResult, {
    description:
      'Closes an office on days from today on. Their bookings are cancelled and their waitlist entries ended; the ' +
      'people affected are told live, with the reason.',
  })
  addOfficeClosure(
    @Args('input') input: OfficeClosureInput,
    @CurrentCaller() caller: Caller,
  ): Promise<FacilityOperationResult> {
    return this.facility.addClosure(caller, input);
  }

  @Mutation(() => FacilityOperationResult, {
    description: 'Removes a closure that has not ended; bookings it cancelled stay cancelled.',
  })
  removeOfficeClosure(
    @Args() { id }: ClosureIdArgs,
    @CurrentCaller() caller: Caller,
  ): Promise<FacilityOperationResult> {
    return this.facility.removeClosure(caller, id);
  }

  @Mutation(() => FacilityOperationResult, {
    description:
      'Sets the capacity cap (share of the active desks per half-day; null: none). Above a lower cap the most ' +
      'recently made bookings from today on are cancelled; the people affected are told live.',
  })
  setOfficeCapacity(
    @Args('input') input: OfficeCapacityInput,
    @CurrentCaller() caller: Caller,
  ): Promise<FacilityOperationResult> {
    return this.facility.setCapacity(caller, input);
  }
}
