import { Module } from '@nestjs/common';

import { PlacesModule } from '../places/places.module.js';
import { OccupancyResolver } from './occupancy.resolver.js';
import { OccupancyService } from './occupancy.service.js';

/** Live occupancy of offices for facility managers and organisation admins: counts only (DESIGN.md §5). */
@Module({ imports: [PlacesModule], providers: [OccupancyService, OccupancyResolver] })
export class OccupancyModule {}
