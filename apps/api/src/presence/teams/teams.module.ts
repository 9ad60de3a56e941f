import { Module } from '@nestjs/common';

import { TeamAccess } from '../team-access.js';

/** Teams, their members and presence policies, policy progress and best days (issue 5). */
@Module({
  providers: [TeamAccess],
  exports: [TeamAccess],
})
export class TeamsModule {}
