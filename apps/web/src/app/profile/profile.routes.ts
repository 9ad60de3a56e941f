import type { Routes } from '@angular/router';

import { ProfilePage } from './profile.page';

export const PROFILE_ROUTES: Routes = [{ path: '', title: 'Ihr Profil – nahbar', component: ProfilePage }];
