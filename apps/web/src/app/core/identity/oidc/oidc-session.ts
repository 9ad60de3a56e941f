import { computed, inject, Injectable } from '@angular/core';
import { OidcSecurityService } from 'angular-auth-oidc-client';
import { firstValueFrom } from 'rxjs';

import { expiresSoon } from '../access-token';
import type { AuthSession, Credentials } from '../auth-session';
import { rememberReturnUrl } from '../return-url';

function subjectOf(userData: unknown): string {
  const sub = typeof userData === 'object' && userData !== null ? (userData as { sub?: unknown }).sub : undefined;
  return typeof sub === 'string' ? sub : '';
}

/**
 * OpenID Connect sign-in through angular-auth-oidc-client: authorization code with PKCE, tokens renewed with the
 * refresh token before they expire. Every request and every WebSocket (re)connection asks for the access token
 * anew, so a renewed token is used as soon as there is one.
 */
@Injectable()
export class OidcSession implements AuthSession {
  readonly mode = 'OIDC' as const;
  private readonly oidc = inject(OidcSecurityService);
  private renewing: Promise<boolean> | null = null;

  readonly key = computed(() => {
    if (!this.oidc.authenticated().isAuthenticated) {
      return null;
    }
    // The ID token's claims (autoUserInfo is off): `sub` tells one person from another.
    return `oidc:${subjectOf(this.oidc.userData().userData)}`;
  });

  /**
   * Runs once before the app shows anything: completes a sign-in when the URL carries the provider's answer, or
   * picks up the session of this tab. An expired access token is renewed with the refresh token, if there is one.
   */
  async start(): Promise<void> {
    const result = await firstValueFrom(this.oidc.checkAuth());
    if (!result.isAuthenticated && (await firstValueFrom(this.oidc.getRefreshToken()))) {
      await this.renew();
    }
  }

  async credentials(): Promise<Credentials> {
    if (this.key() === null) {
      return {};
    }
    let token = await firstValueFrom(this.oidc.getAccessToken());
    if (!token || expiresSoon(token, Date.now())) {
      token = (await this.renew()) ? await firstValueFrom(this.oidc.getAccessToken()) : '';
    }
    return token ? { authorization: `Bearer ${token}` } : {};
  }

  /** One renewal at a time, however many requests and subscriptions ask for it together. */
  renew(): Promise<boolean> {
    this.renewing ??= this.refresh().finally(() => (this.renewing = null));
    return this.renewing;
  }

  async signIn(returnUrl: string | null): Promise<void> {
    rememberReturnUrl(returnUrl);
    this.oidc.authorize();
  }

  async signOut(): Promise<void> {
    try {
      // Revokes the refresh token, then ends the session at the provider, which sends the browser back to "/".
      await firstValueFrom(this.oidc.logoffAndRevokeTokens(), { defaultValue: null });
    } catch {
      // The provider did not answer the revocation: still end the session here and there.
      await firstValueFrom(this.oidc.logoff(), { defaultValue: null }).catch(() => this.forget());
    }
  }

  forget(): void {
    this.oidc.logoffLocal();
  }

  private async refresh(): Promise<boolean> {
    try {
      const result = await firstValueFrom(this.oidc.forceRefreshSession(), { defaultValue: null });
      if (result?.isAuthenticated) {
        return true;
      }
    } catch {
      // Refresh token expired, revoked or the provider unreachable: signing in again is the way out.
    }
    this.forget();
    return false;
  }
}
