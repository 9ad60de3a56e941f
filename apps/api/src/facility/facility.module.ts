import { Module } from '@nestjs/common';

import { PlacesModule } from '../places/places.module.js';
import { FacilityResolver } from './facility.resolver.js';
import { FacilityService } from './facility.service.js';
import { ManagedOfficesReader } from './managed-offices.reader.js';

/** Running offices: block desks, close offices, set the capacity cap (issue 7). */
@Module({ imports: [PlacesModule], providers: [FacilityService, FacilityResolver, ManagedOfficesReader] })
export class FacilityModule {}
