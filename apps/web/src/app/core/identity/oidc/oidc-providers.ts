import { provideHttpClient, withFetch } from '@angular/common/http';
import { type EnvironmentProviders, inject, provideAppInitializer, type Provider } from '@angular/core';
import { LogLevel, type OpenIdConfiguration, provideAuth } from 'angular-auth-oidc-client';

import { ROUTE_LINKS } from '../../../app.paths';
import { AUTH_SESSION } from '../auth-session';
import type { OidcSetup } from '../auth-setup';
import { OidcSession } from './oidc-session';

/** The client configuration for the provider the server names, for an app served at `origin`. */
export function oidcConfiguration(setup: OidcSetup, origin: string): OpenIdConfiguration {
  return {
    authority: setup.issuer,
    clientId: setup.clientId,
    scope: setup.scope,
    responseType: 'code',
    // The identity provider sends the browser back here with the authorization code.
    redirectUrl: `${origin}${ROUTE_LINKS.signInCallback}`,
    postLogoutRedirectUri: `${origin}/`,
    useRefreshToken: true,
    silentRenew: true,
    // Renew before the API would refuse the token, not at the last second.
    renewTimeBeforeTokenExpiresInSeconds: 30,
    // Keycloak and oidc-provider repeat the nonce in ID tokens from a refresh.
    ignoreNonceAfterRefresh: true,
    // Who someone is comes from the ID token; nahbar's own `me` has the rest.
    autoUserInfo: false,
    // The sign-in callback page decides where to go, not the library.
    triggerAuthorizationResultEvent: true,
    logLevel: LogLevel.Warn,
  };
}

/**
 * Providers for OpenID Connect mode. Loaded with `import()` only when the server runs that mode, so the library
 * and Angular's HttpClient stay out of the demo mode's bundle.
 */
export function oidcProviders(setup: OidcSetup, origin: string): (Provider | EnvironmentProviders)[] {
  return [
    provideHttpClient(withFetch()),
    provideAuth({ config: oidcConfiguration(setup, origin) }),
    OidcSession,
    { provide: AUTH_SESSION, useExisting: OidcSession },
    provideAppInitializer(() => inject(OidcSession).start()),
  ];
}
