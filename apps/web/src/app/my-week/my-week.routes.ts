import type { Routes } from '@angular/router';

import { MyWeekPage } from './my-week.page';

export const MY_WEEK_ROUTES: Routes = [{ path: '', title: $localize`Meine Woche – nahbar`, component: MyWeekPage }];
