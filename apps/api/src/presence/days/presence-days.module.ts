import { Module } from '@nestjs/common';

import { BookingsModule } from '../../bookings/bookings.module.js';
import { PlacesModule } from '../../places/places.module.js';
import { TeamsModule } from '../teams/teams.module.js';
import { PresenceDayViews } from './presence-day-views.js';
import { PresenceDaysResolver } from './presence-days.resolver.js';
import { PresenceDaysService } from './presence-days.service.js';
import { TeamCalendarService } from './team-calendar.service.js';

/** Team days (Präsenztage): planning, answers, seating side by side, the team calendar (issue 5). */
@Module({
  imports: [TeamsModule, BookingsModule, PlacesModule],
  providers: [PresenceDayViews, PresenceDaysService, TeamCalendarService, PresenceDaysResolver],
})
export class PresenceDaysModule {}
