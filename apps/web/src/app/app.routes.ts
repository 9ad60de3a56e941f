import type { Route } from '@angular/router';

import { ROUTE_PATHS } from './app.paths';
import { personChosenGuard } from './core/identity/person-chosen.guard';

export const appRoutes: Route[] = [
  {
    path: ROUTE_PATHS.start,
    pathMatch: 'full',
    title: 'Person wählen – nahbar',
    loadComponent: () => import('./start/start.page').then((m) => m.StartPage),
  },
  {
    path: ROUTE_PATHS.booking,
    canMatch: [personChosenGuard],
    loadChildren: () => import('./booking/booking.routes').then((m) => m.BOOKING_ROUTES),
  },
  {
    path: ROUTE_PATHS.myBookings,
    canMatch: [personChosenGuard],
    loadChildren: () => import('./my-bookings/my-bookings.routes').then((m) => m.MY_BOOKINGS_ROUTES),
  },
  { path: '**', redirectTo: ROUTE_PATHS.start },
];
