import type { Routes } from '@angular/router';

import { NearHomePage } from './near-home.page';

export const NEAR_HOME_ROUTES: Routes = [{ path: '', title: $localize`In der Nähe – nahbar`, component: NearHomePage }];
