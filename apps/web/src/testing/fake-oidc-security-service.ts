import { signal } from '@angular/core';
import type { AuthenticatedResult, LoginResponse, UserDataResult } from 'angular-auth-oidc-client';
import { type Observable, of, throwError } from 'rxjs';

/** A JWT-shaped access token (unsigned: only the client reads it here) that expires at `exp` (seconds). */
export function aJwt(exp: number, sub = 'sub-1'): string {
  const part = (value: object): string =>
    btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part({ alg: 'RS256', typ: 'at+jwt' })}.${part({ sub, exp })}.signature`;
}

/** Seconds since 1970, `inSeconds` from now. */
export function epochIn(inSeconds: number): number {
  return Math.floor(Date.now() / 1000) + inSeconds;
}

/**
 * Stands in for angular-auth-oidc-client's OidcSecurityService: the parts nahbar uses, with the state a test sets.
 * `refreshResult` says what the next forced refresh does.
 */
export class FakeOidcSecurityService {
  private readonly authenticatedState = signal<AuthenticatedResult>({
    isAuthenticated: false,
    allConfigsAuthenticated: [],
  });
  private readonly userDataState = signal<UserDataResult>({ userData: null, allUserData: [] });

  readonly authenticated = this.authenticatedState.asReadonly();
  readonly userData = this.userDataState.asReadonly();
  accessToken = '';
  refreshToken = '';
  /** The access token a successful refresh stores; null makes the refresh fail. */
  refreshResult: string | null = null;

  readonly checkAuth = jest.fn(
    (): Observable<LoginResponse> => of(this.loginResponse(this.authenticated().isAuthenticated)),
  );
  readonly getAccessToken = jest.fn((): Observable<string> => of(this.accessToken));
  readonly getRefreshToken = jest.fn((): Observable<string> => of(this.refreshToken));
  readonly forceRefreshSession = jest.fn((): Observable<LoginResponse> => {
    if (this.refreshResult === null) {
      return throwError(() => new Error('invalid_grant'));
    }
    this.signIn('sub-1', this.refreshResult);
    return of(this.loginResponse(true));
  });
  readonly authorize = jest.fn();
  readonly logoffAndRevokeTokens = jest.fn((): Observable<unknown> => {
    this.signOut();
    return of(null);
  });
  readonly logoff = jest.fn((): Observable<unknown> => {
    this.signOut();
    return of(null);
  });
  readonly logoffLocal = jest.fn(() => this.signOut());

  private loginResponse(isAuthenticated: boolean): LoginResponse {
    return { isAuthenticated, userData: null, accessToken: this.accessToken, idToken: '', configId: 'nahbar' };
  }

  signIn(sub: string, accessToken: string): void {
    this.accessToken = accessToken;
    this.userDataState.set({ userData: { sub, name: 'Anna Schmidt' }, allUserData: [] });
    this.authenticatedState.set({ isAuthenticated: true, allConfigsAuthenticated: [] });
  }

  signOut(): void {
    this.accessToken = '';
    this.refreshToken = '';
    this.userDataState.set({ userData: null, allUserData: [] });
    this.authenticatedState.set({ isAuthenticated: false, allConfigsAuthenticated: [] });
  }
}
