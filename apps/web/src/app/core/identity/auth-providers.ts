import type { EnvironmentProviders, Provider } from '@angular/core';

import { AUTH_SESSION, UnavailableSession } from './auth-session';
import type { AuthSetup } from './auth-setup';
import { DemoSession } from './demo-session';

/**
 * The providers of the session the server's setup asks for. OpenID Connect's are imported on demand, so the
 * library is downloaded only by apps that sign in with it.
 */
export async function authProviders(setup: AuthSetup, origin: string): Promise<(Provider | EnvironmentProviders)[]> {
  switch (setup.mode) {
    case 'DEMO':
      return [{ provide: AUTH_SESSION, useExisting: DemoSession }];
    case 'OIDC':
      try {
        const { oidcProviders } = await import('./oidc/oidc-providers');
        return oidcProviders(setup, origin);
      } catch {
        // The chunk could not be loaded (network gone): say the server is unreachable rather than break.
        return [{ provide: AUTH_SESSION, useValue: new UnavailableSession() }];
      }
    case 'UNAVAILABLE':
      return [{ provide: AUTH_SESSION, useValue: new UnavailableSession() }];
  }
}
