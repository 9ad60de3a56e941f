import { inject } from '@angular/core';
import { type CanActivateFn, RedirectCommand, Router } from '@angular/router';

import { ROUTE_LINKS } from '../app.paths';
import { Identity } from '../core/identity/identity';
import { safeReturnUrl, takeReturnUrl } from '../core/identity/return-url';

/**
 * The identity provider's answer has been processed before the app started (see OidcSession.start). Signed in:
 * go on to the page the person wanted, or booking, replacing this address in the history. Otherwise the
 * callback page explains that sign-in failed.
 */
export const completeSignIn: CanActivateFn = () => {
  const identity = inject(Identity);
  const router = inject(Router);
  if (identity.isSignedIn()) {
    const target = safeReturnUrl(takeReturnUrl(), ROUTE_LINKS.signInCallback) ?? ROUTE_LINKS.booking;
    return new RedirectCommand(router.parseUrl(target), { replaceUrl: true });
  }
  if (identity.mode !== 'OIDC') {
    return new RedirectCommand(router.parseUrl(ROUTE_LINKS.start), { replaceUrl: true });
  }
  return true;
};
