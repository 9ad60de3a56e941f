import { Args, Query, Resolver } from '@nestjs/graphql';

import type { Caller } from '../identity/caller.js';
import { CurrentCaller } from '../identity/current-person.decorator.js';
import { Public } from '../identity/public.decorator.js';
import { OfficesNearHomeArgs } from './dto/offices-near-home.args.js';
import { PostalCodePlaceArgs } from './dto/postal-code-place.args.js';
import { MapConfiguration } from './models/map-configuration.model.js';
import { OfficeNearHome } from './models/office-near-home.model.js';
import { PostalCodePlace } from './models/postal-code-place.model.js';
import { NearHomeService } from './near-home.service.js';

@Resolver()
export class NearHomeResolver {
  constructor(private readonly nearHome: NearHomeService) {}

  @Query(() => [OfficeNearHome], {
    description:
      'Offices you may book, nearest to your home postal code first (straight line). Without a home postal code: ' +
      'HOME_POSTAL_CODE_MISSING; a radius outside 1..500: INVALID_RADIUS.',
  })
  officesNearHome(
    @Args() { radiusKm }: OfficesNearHomeArgs,
    @CurrentCaller() caller: Caller,
  ): Promise<OfficeNearHome[]> {
    return this.nearHome.officesNearHome(caller, radiusKm);
  }

  @Query(() => PostalCodePlace, { nullable: true, description: 'A German postal code and its place; null if none.' })
  postalCodePlace(@Args() { code }: PostalCodePlaceArgs): Promise<PostalCodePlace | null> {
    return this.nearHome.postalCodePlace(code);
  }

  @Public()
  @Query(() => MapConfiguration, { description: 'Where maps take their tiles from; read before showing a map.' })
  mapConfiguration(): MapConfiguration {
    return this.nearHome.mapConfiguration();
  }
}
