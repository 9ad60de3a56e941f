import { InjectionToken, type Signal, signal } from '@angular/core';

/** How people prove who they are on this server; UNAVAILABLE when the server could not tell. */
export type AuthMode = 'DEMO' | 'OIDC' | 'UNAVAILABLE';

/** Credentials for one request: HTTP headers, and the same names as graphql-ws connection parameters. */
export type Credentials = Readonly<Record<string, string>>;

/**
 * One way of signing in (demo person or OpenID Connect). `Identity` is the only user of a session; the rest of the
 * app asks `Identity` and does not care which session is active.
 */
export interface AuthSession {
  readonly mode: AuthMode;
  /** Who is signed in as a stable key (changes when the person changes); null when nobody is. */
  readonly key: Signal<string | null>;
  /** Credentials as of now (a fresh access token each time); empty when nobody is signed in. */
  credentials(): Promise<Credentials>;
  /** The API refused the credentials: get new ones. True when a retry may succeed. */
  renew(): Promise<boolean>;
  /** Starts signing in; afterwards the app continues at `returnUrl`. */
  signIn(returnUrl: string | null): Promise<void>;
  /** Signs out, at the identity provider too (this may leave the page). */
  signOut(): Promise<void>;
  /** Forgets the sign-in here only, e.g. after the API refused it. */
  forget(): void;
}

/** The session of this app run; chosen before bootstrap from the server's `authConfiguration`. */
export const AUTH_SESSION = new InjectionToken<AuthSession>('AUTH_SESSION');

/** The server could not be asked how to sign in: nobody is signed in, and signing in means trying again. */
export class UnavailableSession implements AuthSession {
  readonly mode = 'UNAVAILABLE' as const;
  readonly key = signal<string | null>(null).asReadonly();

  async credentials(): Promise<Credentials> {
    return {};
  }

  async renew(): Promise<boolean> {
    return false;
  }

  async signIn(): Promise<void> {
    globalThis.location?.reload();
  }

  async signOut(): Promise<void> {
    // Nobody is signed in.
  }

  forget(): void {
    // Nobody is signed in.
  }
}
