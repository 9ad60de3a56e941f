import { Args, Query, Resolver } from '@nestjs/graphql';

import type { Caller } from '../identity/caller.js';
import { CurrentCaller } from '../identity/current-person.decorator.js';
import { RequiresRole } from '../identity/requires-role.decorator.js';
import { OfficeUtilisationArgs, UtilisationRangeArgs } from './dto/utilisation.args.js';
import { DeskHeatmap } from './models/desk-heatmap.model.js';
import { OfficeUtilisation, UtilisationOverview } from './models/office-utilisation.model.js';
import { ReportsService } from './reports.service.js';

/** Utilisation over a range of days: for facility managers of an office and admins of its operator (the service's). */
@Resolver(() => OfficeUtilisation)
export class ReportsResolver {
  constructor(private readonly reports: ReportsService) {}

  @Query(() => OfficeUtilisation, {
    description:
      "Utilisation of an office over a range of days (at most 366): available and booked desk-days, check-in and no-show rates, in total, per area and per weekday. Counts only. For the office's facility managers and the admins of the organisation that runs it.",
  })
  officeUtilisation(
    @Args() { officeId, from, to }: OfficeUtilisationArgs,
    @CurrentCaller() caller: Caller,
  ): Promise<OfficeUtilisation> {
    return this.reports.officeUtilisation(caller, officeId, from, to);
  }

  @Query(() => UtilisationOverview, {
    description: 'Utilisation of every office whose occupancy you see, over a range of days (at most 366).',
  })
  @RequiresRole('FACILITY_MANAGER', 'ORGANISATION_ADMIN')
  utilisationOverview(
    @Args() { from, to }: UtilisationRangeArgs,
    @CurrentCaller() caller: Caller,
  ): Promise<UtilisationOverview> {
    return this.reports.overview(caller, from, to);
  }

  @Query(() => DeskHeatmap, {
    description:
      'Use of each desk of an office over a range of days (at most 366), per area with its floor plan: booked / available desk-days. Counts only.',
  })
  deskHeatmap(
    @Args() { officeId, from, to }: OfficeUtilisationArgs,
    @CurrentCaller() caller: Caller,
  ): Promise<DeskHeatmap> {
    return this.reports.heatmap(caller, officeId, from, to);
  }
}
