import { Module } from '@nestjs/common';

import { BookingsModule } from '../bookings/bookings.module.js';
import { CalendarController } from './calendar.controller.js';
import { CalendarResolver } from './calendar.resolver.js';
import { CalendarFeedsService } from './calendar-feeds.service.js';

/** The person's calendar: a secret ICS feed of their bookings, one booking as .ics, and their bookings by date. */
@Module({
  imports: [BookingsModule],
  controllers: [CalendarController],
  providers: [CalendarFeedsService, CalendarResolver],
})
export class CalendarModule {}
