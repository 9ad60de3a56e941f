import { Module } from '@nestjs/common';

import { TeamsModule } from '../teams/teams.module.js';

/** Team days (Präsenztage): planning, answers, seating side by side, the team calendar (issue 5). */
@Module({
  imports: [TeamsModule],
})
export class PresenceDaysModule {}
