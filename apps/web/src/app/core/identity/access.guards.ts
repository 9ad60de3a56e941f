import { inject } from '@angular/core';
import type { CanMatchFn, UrlSegment, UrlTree } from '@angular/router';
import { Router } from '@angular/router';

import { ROUTE_LINKS, START_QUERY_PARAMS } from '../../app.paths';
import type { Role } from '../graphql/api.types';
import { CurrentPerson } from './current-person';
import { Identity } from './identity';
import { hasRole } from './roles';

/** The start page, which asks to sign in (or explains why the profile cannot be read) and then returns here. */
function startPage(router: Router, segments: readonly UrlSegment[]): UrlTree {
  const wanted = router.currentNavigation()?.extractedUrl;
  const returnUrl = wanted ? router.serializeUrl(wanted) : `/${segments.map((segment) => segment.path).join('/')}`;
  return router.createUrlTree([ROUTE_LINKS.start], { queryParams: { [START_QUERY_PARAMS.returnUrl]: returnUrl } });
}

/**
 * Lets a route match when a person is signed in and the API knows them, and, if `role` is given, when they hold
 * it (for a list: any one of them). Nobody signed in (or a profile the API refuses) leads to the start page; a missing role gives `false`, so the
 * router goes on to the next route of the same path: the page that says the permission is missing.
 */
export function accessGuard(role: Role | readonly Role[] | null): CanMatchFn {
  const wanted: readonly Role[] | null = role === null || Array.isArray(role) ? role : [role as Role];
  return async (_route, segments) => {
    const router = inject(Router);
    if (!inject(Identity).isSignedIn()) {
      return startPage(router, segments);
    }
    const profile = await inject(CurrentPerson).load();
    if (profile === null) {
      return startPage(router, segments);
    }
    return wanted === null || wanted.some((one) => hasRole(profile.roles, one));
  };
}

/** Pages that act for a person: booking, my bookings, profile. */
export const signedInGuard: CanMatchFn = accessGuard(null);
