import { Args, Query, Resolver } from '@nestjs/graphql';

import { OfficeArgs } from './dto/office.args.js';
import { Office } from './models/office.model.js';
import { PlacesService } from './places.service.js';

@Resolver(() => Office)
export class PlacesResolver {
  constructor(private readonly places: PlacesService) {}

  @Query(() => [Office], { description: 'Offices the current person can book.' })
  offices(): Promise<Office[]> {
    return this.places.offices();
  }

  @Query(() => Office)
  office(@Args() { id }: OfficeArgs): Promise<Office> {
    return this.places.office(id);
  }
}
