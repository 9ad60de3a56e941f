import { inject } from '@angular/core';
import type { Route } from '@angular/router';

import { completeSignIn } from './access/complete-sign-in.guard';
import { ROUTE_PATHS } from './app.paths';
import { accessGuard, signedInGuard } from './core/identity/access.guards';
import { QR_CODE_ROLES } from './core/identity/current-person';
import { Identity } from './core/identity/identity';

export const appRoutes: Route[] = [
  {
    path: ROUTE_PATHS.start,
    pathMatch: 'full',
    title: () => (inject(Identity).mode === 'DEMO' ? $localize`Person wählen – nahbar` : $localize`Start – nahbar`),
    loadComponent: () => import('./start/start.page').then((m) => m.StartPage),
  },
  {
    path: ROUTE_PATHS.signInCallback,
    title: $localize`Anmeldung – nahbar`,
    canActivate: [completeSignIn],
    loadComponent: () => import('./access/sign-in-callback.page').then((m) => m.SignInCallbackPage),
  },
  {
    path: ROUTE_PATHS.booking,
    canMatch: [signedInGuard],
    loadChildren: () => import('./booking/booking.routes').then((m) => m.BOOKING_ROUTES),
  },
  {
    path: ROUTE_PATHS.myBookings,
    canMatch: [signedInGuard],
    loadChildren: () => import('./my-bookings/my-bookings.routes').then((m) => m.MY_BOOKINGS_ROUTES),
  },
  {
    path: ROUTE_PATHS.myWeek,
    canMatch: [signedInGuard],
    loadChildren: () => import('./my-week/my-week.routes').then((m) => m.MY_WEEK_ROUTES),
  },
  {
    path: ROUTE_PATHS.profile,
    canMatch: [signedInGuard],
    loadChildren: () => import('./profile/profile.routes').then((m) => m.PROFILE_ROUTES),
  },
  {
    path: ROUTE_PATHS.team,
    canMatch: [signedInGuard],
    loadChildren: () => import('./team/team.routes').then((m) => m.TEAM_ROUTES),
  },
  {
    // Opened by a phone from a desk's QR code: the guard sends a person who is not signed in to sign in and back.
    path: ROUTE_PATHS.checkIn,
    title: $localize`Einchecken – nahbar`,
    canMatch: [signedInGuard],
    loadComponent: () => import('./check-in/check-in.page').then((m) => m.CheckInPage),
  },
  {
    // Facility managers may print QR codes, though the rest of the administration stays closed to them.
    path: ROUTE_PATHS.qrCodes,
    title: $localize`QR-Codes zum Einchecken – nahbar`,
    canMatch: [accessGuard(QR_CODE_ROLES)],
    loadComponent: () => import('./admin/qr-codes.page').then((m) => m.QrCodesPage),
  },
  {
    path: ROUTE_PATHS.qrCodes,
    title: $localize`Keine Berechtigung – nahbar`,
    loadComponent: () => import('./access/forbidden.page').then((m) => m.ForbiddenPage),
  },
  {
    path: ROUTE_PATHS.admin,
    canMatch: [accessGuard('ORGANISATION_ADMIN')],
    loadChildren: () => import('./admin/admin.routes').then((m) => m.ADMIN_ROUTES),
  },
  {
    // Reached when the guard above refuses a signed-in person: the address stays, the page explains.
    path: ROUTE_PATHS.admin,
    title: $localize`Keine Berechtigung – nahbar`,
    loadComponent: () => import('./access/forbidden.page').then((m) => m.ForbiddenPage),
  },
  {
    path: ROUTE_PATHS.facility,
    canMatch: [accessGuard(['FACILITY_MANAGER', 'ORGANISATION_ADMIN'])],
    loadChildren: () => import('./facility/facility.routes').then((m) => m.FACILITY_ROUTES),
  },
  {
    path: ROUTE_PATHS.facility,
    title: 'Keine Berechtigung – nahbar',
    loadComponent: () => import('./access/forbidden.page').then((m) => m.ForbiddenPage),
  },
  {
    path: ROUTE_PATHS.nearHome,
    canMatch: [signedInGuard],
    loadChildren: () => import('./near-home/near-home.routes').then((m) => m.NEAR_HOME_ROUTES),
  },
  {
    path: ROUTE_PATHS.favourites,
    canMatch: [signedInGuard],
    loadChildren: () => import('./favourites/favourites.routes').then((m) => m.FAVOURITES_ROUTES),
  },
  {
    // Open to everybody, like the licences it names.
    path: ROUTE_PATHS.about,
    title: $localize`Über nahbar – nahbar`,
    loadComponent: () => import('./about/about.page').then((m) => m.AboutPage),
  },
  {
    // Open to everybody, signed in or not (BITV 2.0).
    path: ROUTE_PATHS.accessibility,
    title: $localize`Erklärung zur Barrierefreiheit – nahbar`,
    loadComponent: () => import('./accessibility/accessibility.page').then((m) => m.AccessibilityPage),
  },
  { path: '**', redirectTo: ROUTE_PATHS.start },
];
