import { Module } from '@nestjs/common';

import { PlacesModule } from '../../places/places.module.js';
import { TeamAccess } from '../team-access.js';
import { BestDaysResolver } from './best-days.resolver.js';
import { BestDaysService } from './best-days.service.js';
import { PresencePoliciesResolver } from './presence-policies.resolver.js';
import { PresencePoliciesService } from './presence-policies.service.js';
import { TeamsResolver } from './teams.resolver.js';
import { TeamsService } from './teams.service.js';

/** Teams, their members and presence policies, policy progress and best days (issue 5). */
@Module({
  imports: [PlacesModule],
  providers: [
    TeamAccess,
    TeamsService,
    TeamsResolver,
    PresencePoliciesService,
    PresencePoliciesResolver,
    BestDaysService,
    BestDaysResolver,
  ],
  exports: [TeamAccess],
})
export class TeamsModule {}
