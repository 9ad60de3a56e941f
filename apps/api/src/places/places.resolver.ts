import { Args, Query, Resolver } from '@nestjs/graphql';

import type { Caller } from '../identity/caller.js';
import { CurrentCaller } from '../identity/current-person.decorator.js';
import { OfficeArgs } from './dto/office.args.js';
import { OfficeAreasArgs } from './dto/office-areas.args.js';
import { Area } from './models/area.model.js';
import { Office } from './models/office.model.js';
import { PlacesService } from './places.service.js';

@Resolver(() => Office)
export class PlacesResolver {
  constructor(private readonly places: PlacesService) {}

  @Query(() => [Office], { description: 'Offices the current person can book.' })
  offices(@CurrentCaller() caller: Caller): Promise<Office[]> {
    return this.places.offices(caller);
  }

  @Query(() => Office)
  office(@Args() { id }: OfficeArgs, @CurrentCaller() caller: Caller): Promise<Office> {
    return this.places.office(caller, id);
  }

  @Query(() => [Area], {
    description: "The office's areas (floors, zones), in their order: the choices of a desk filter.",
  })
  officeAreas(@Args() { officeId }: OfficeAreasArgs, @CurrentCaller() caller: Caller): Promise<Area[]> {
    return this.places.areas(caller, officeId);
  }

  @Query(() => [String], {
    description: 'Equipment the desks of your offices have, sorted: the choices of a desk filter.',
  })
  deskEquipmentOptions(@CurrentCaller() caller: Caller): Promise<string[]> {
    return this.places.equipmentOptions(caller);
  }
}
