import { Logger } from '@nestjs/common';
import { Args, Query, Resolver, Subscription } from '@nestjs/graphql';

import { toGraphqlError } from '../common/graphql-error.filter.js';
import type { Caller } from '../identity/caller.js';
import { CurrentCaller } from '../identity/current-person.decorator.js';
import { RequiresRole } from '../identity/requires-role.decorator.js';
import { Office } from '../places/models/office.model.js';
import { OfficeOccupancyArgs } from './dto/office-occupancy.args.js';
import { OfficeOccupancy } from './models/office-occupancy.model.js';
import { type OccupancyPush, OccupancyService } from './occupancy.service.js';

const logger = new Logger('OccupancyResolver');

@Resolver(() => OfficeOccupancy)
export class OccupancyResolver {
  constructor(private readonly occupancy: OccupancyService) {}

  @Query(() => OfficeOccupancy, {
    description:
      "How full the office is on a date (today when left out), per area and half of the day: counts only. For the office's facility managers and the admins of the organisation that runs it.",
  })
  officeOccupancy(
    @Args() { officeId, date }: OfficeOccupancyArgs,
    @CurrentCaller() caller: Caller,
  ): Promise<OfficeOccupancy> {
    return this.occupancy.occupancy(caller, officeId, date);
  }

  @Query(() => [Office], {
    description: 'Offices whose occupancy you see: those you manage and those your organisations run, by name.',
  })
  @RequiresRole('FACILITY_MANAGER', 'ORGANISATION_ADMIN')
  occupancyOffices(@CurrentCaller() caller: Caller): Promise<Office[]> {
    return this.occupancy.offices(caller);
  }

  @Subscription(() => OfficeOccupancy, {
    description:
      'Pushes the office’s occupancy on the date (today when left out) whenever a booking or desk of it changes, at most four times a second. Re-read it with officeOccupancy when the connection (re)opens. Ends with FORBIDDEN when your role is taken away.',
    // The stream yields ready counts; a refusal (role revoked meanwhile) is the last thing it yields.
    resolve: (push: OccupancyPush): OfficeOccupancy => {
      // Errors of a push bypass Nest's filter: map the refusal here, with its stable code.
      if ('refusal' in push) throw toGraphqlError(push.refusal, logger);
      return push.occupancy;
    },
  })
  officeOccupancyChanged(
    @Args() { officeId, date }: OfficeOccupancyArgs,
    @CurrentCaller() caller: Caller,
  ): Promise<AsyncIterableIterator<OccupancyPush>> {
    return this.occupancy.follow(caller, officeId, date);
  }
}
