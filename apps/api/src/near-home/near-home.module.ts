import { Module } from '@nestjs/common';

import { PlacesModule } from '../places/places.module.js';
import { NearHomeResolver } from './near-home.resolver.js';
import { NearHomeService } from './near-home.service.js';

/** Home postal codes, offices ranked by distance from home, and the map's tile settings (issue 6). */
@Module({ imports: [PlacesModule], providers: [NearHomeService, NearHomeResolver] })
export class NearHomeModule {}
