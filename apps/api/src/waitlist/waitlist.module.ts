import { Module } from '@nestjs/common';

import { BookingsModule } from '../bookings/bookings.module.js';
import { PlacesModule } from '../places/places.module.js';
import { WaitlistResolver } from './waitlist.resolver.js';
import { WaitlistService } from './waitlist.service.js';

@Module({
  imports: [PlacesModule, BookingsModule],
  providers: [WaitlistService, WaitlistResolver],
})
export class WaitlistModule {}
