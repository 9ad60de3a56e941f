import type { Routes } from '@angular/router';

import { TeamPage } from './team.page';
import { TeamsPage } from './teams.page';

export const TEAM_ROUTES: Routes = [
  { path: '', title: 'Meine Teams – nahbar', component: TeamsPage },
  // The page sets the team's name as the title once it has it.
  { path: ':teamId', title: 'Team – nahbar', component: TeamPage },
];
