import { Module } from '@nestjs/common';

import { PlacesModule } from '../places/places.module.js';
import { AvailabilityService } from './availability.service.js';
import { BookingsResolver } from './bookings.resolver.js';
import { BookingsService } from './bookings.service.js';

@Module({
  imports: [PlacesModule],
  providers: [AvailabilityService, BookingsService, BookingsResolver],
  exports: [BookingsService],
})
export class BookingsModule {}
