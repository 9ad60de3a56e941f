import type { Routes } from '@angular/router';

import { TeamPage } from './team.page';
import { TeamsPage } from './teams.page';

export const TEAM_ROUTES: Routes = [
  { path: '', title: $localize`Meine Teams – nahbar`, component: TeamsPage },
  // The page sets the team's name as the title once it has it.
  { path: ':teamId', title: $localize`Team – nahbar`, component: TeamPage },
];
