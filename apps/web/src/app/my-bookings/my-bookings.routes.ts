import type { Routes } from '@angular/router';

import { MyBookingsPage } from './my-bookings.page';

export const MY_BOOKINGS_ROUTES: Routes = [
  { path: '', title: $localize`Meine Buchungen – nahbar`, component: MyBookingsPage },
];
