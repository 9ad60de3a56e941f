import type { Routes } from '@angular/router';

import { ProfilePage } from './profile.page';

export const PROFILE_ROUTES: Routes = [{ path: '', title: $localize`Ihr Profil – nahbar`, component: ProfilePage }];
