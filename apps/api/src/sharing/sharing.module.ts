import { Module } from '@nestjs/common';

import { BookingsModule } from '../bookings/bookings.module.js';
import { PlacesModule } from '../places/places.module.js';
import { SharingResolver } from './sharing.resolver.js';
import { SharingService } from './sharing.service.js';

@Module({ imports: [PlacesModule, BookingsModule], providers: [SharingService, SharingResolver] })
export class SharingModule {}
