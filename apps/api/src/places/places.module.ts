import { Module } from '@nestjs/common';

import { PlacesResolver } from './places.resolver.js';
import { PlacesService } from './places.service.js';

@Module({ providers: [PlacesService, PlacesResolver], exports: [PlacesService] })
export class PlacesModule {}
