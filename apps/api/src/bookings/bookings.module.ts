import { Module } from '@nestjs/common';

import { PlacesModule } from '../places/places.module.js';
import { AvailabilityService } from './availability.service.js';
import { BookingsResolver } from './bookings.resolver.js';
import { BookingsService } from './bookings.service.js';
import { CheckInResolver } from './check-in.resolver.js';
import { CheckInService } from './check-in.service.js';
import { NoShowReleaseJob } from './no-show-release.job.js';

@Module({
  imports: [PlacesModule],
  providers: [
    AvailabilityService,
    BookingsService,
    BookingsResolver,
    CheckInService,
    CheckInResolver,
    NoShowReleaseJob,
  ],
  exports: [BookingsService, AvailabilityService, NoShowReleaseJob],
})
export class BookingsModule {}
