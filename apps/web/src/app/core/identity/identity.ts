import { computed, inject, Injectable } from '@angular/core';

import { AUTH_SESSION, type AuthMode, type Credentials } from './auth-session';
import { DemoSession } from './demo-session';

/**
 * Who the app acts for, in whichever mode the server runs (demo person or OpenID Connect). Everything that talks to
 * the API takes its credentials from here and nowhere else, fresh for every request and every (re)connection.
 */
@Injectable({ providedIn: 'root' })
export class Identity {
  private readonly session = inject(AUTH_SESSION, { optional: true }) ?? inject(DemoSession);

  readonly mode: AuthMode = this.session.mode;
  /** Stable key of who is signed in; null when nobody is. */
  readonly key = this.session.key;
  readonly isSignedIn = computed(() => this.key() !== null);
  /** Demo mode's choice of person; null in every other mode. */
  readonly demo: DemoSession | null = this.session instanceof DemoSession ? this.session : null;

  /** Headers that identify the person to the API over HTTP; empty when nobody is signed in. */
  requestHeaders(): Promise<Credentials> {
    return this.session.credentials();
  }

  /** graphql-ws connection parameters: the same credentials as the headers, read anew for every connection. */
  connectionParams(): Promise<Credentials> {
    return this.session.credentials();
  }

  /** Called when the API refused the credentials; true when new ones were obtained and a retry makes sense. */
  renew(): Promise<boolean> {
    return this.session.renew();
  }

  signIn(returnUrl: string | null = null): Promise<void> {
    return this.session.signIn(returnUrl);
  }

  signOut(): Promise<void> {
    return this.session.signOut();
  }

  /** Forgets the sign-in in this browser only, e.g. when the API does not accept it any more. */
  forget(): void {
    this.session.forget();
  }
}
