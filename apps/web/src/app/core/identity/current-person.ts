import { computed, effect, inject, Injectable, signal, untracked } from '@angular/core';

import type { Profile, Role } from '../graphql/api.types';
import { GraphqlHttpClient } from '../graphql/graphql-http.client';
import { graphqlOperation } from '../graphql/graphql-operation';
import { type ClientErrorCode, errorCodeOf } from '../graphql/graphql-request.error';
import { LastKnownStore } from '../offline/last-known.store';
import { Identity } from './identity';
import { hasRole } from './roles';

/** Roles that may open the QR code page. */
export const QR_CODE_ROLES: readonly Role[] = ['FACILITY_MANAGER', 'ORGANISATION_ADMIN'];

export const ROLE_FIELDS = 'role scopeName organisationId officeId teamId';

export const PROFILE_FIELDS = `id displayName email organisation { id name } homePostalCode visibility roles { ${ROLE_FIELDS} }`;

export const ME = graphqlOperation<{ me: Profile }>(`query Me { me { ${PROFILE_FIELDS} } }`);

const LAST_KNOWN_PROFILE = 'profile';

function isProfile(value: unknown): value is Profile {
  const profile = value as Partial<Profile> | null;
  return (
    typeof profile === 'object' &&
    profile !== null &&
    typeof profile.id === 'string' &&
    typeof profile.displayName === 'string' &&
    Array.isArray(profile.roles)
  );
}

type ProfileState =
  | { readonly key: string; readonly status: 'loading' }
  | { readonly key: string; readonly status: 'ready'; readonly profile: Profile }
  | { readonly key: string; readonly status: 'error'; readonly code: ClientErrorCode };

/**
 * The signed-in person as the API knows them (`me`): name, organisation and roles. Read once per identity, when
 * someone signs in; guards wait for it, the header and navigation show it.
 */
@Injectable({ providedIn: 'root' })
export class CurrentPerson {
  private readonly identity = inject(Identity);
  private readonly graphql = inject(GraphqlHttpClient);
  private readonly lastKnown = inject(LastKnownStore);
  private readonly state = signal<ProfileState | null>(null);
  private pending: { readonly key: string; readonly promise: Promise<Profile | null> } | null = null;

  /** The state for whoever is signed in now; an older person's state never shows. */
  private readonly current = computed(() => {
    const state = this.state();
    return state !== null && state.key === this.identity.key() ? state : null;
  });

  /** Null while nobody is signed in, while loading, or when the API refused. */
  readonly profile = computed(() => {
    const state = this.current();
    return state?.status === 'ready' ? state.profile : null;
  });
  /** Why the API did not give the profile, e.g. UNAUTHENTICATED or ORGANISATION_UNKNOWN. */
  readonly problem = computed(() => {
    const state = this.current();
    return state?.status === 'error' ? state.code : null;
  });
  readonly isAdmin = computed(() => this.hasRole('ORGANISATION_ADMIN'));
  /** Facility managers and organisation admins print the desks' QR codes. */
  readonly canPrintQrCodes = computed(() => QR_CODE_ROLES.some((role) => this.hasRole(role)));

  constructor() {
    effect(() => {
      if (this.identity.key() !== null) {
        untracked(() => void this.load());
      }
    });
  }

  hasRole(role: Role): boolean {
    return hasRole(this.profile()?.roles ?? [], role);
  }

  /** The profile of whoever is signed in, read once and then kept; a failed read is tried again. */
  load(): Promise<Profile | null> {
    const key = this.identity.key();
    if (key === null) {
      return Promise.resolve(null);
    }
    const state = this.state();
    if (state?.key === key && state.status === 'ready') {
      return Promise.resolve(state.profile);
    }
    if (this.pending?.key === key) {
      return this.pending.promise;
    }
    return this.read(key);
  }

  /** Reads the profile again, e.g. after roles changed. */
  reload(): Promise<Profile | null> {
    const key = this.identity.key();
    return key === null ? Promise.resolve(null) : this.read(key);
  }

  /** Takes the profile the API returned after a change. */
  replace(profile: Profile): void {
    const key = this.identity.key();
    if (key !== null) {
      this.state.set({ key, status: 'ready', profile });
    }
  }

  private read(key: string): Promise<Profile | null> {
    if (this.state()?.key !== key) {
      this.state.set({ key, status: 'loading' });
    }
    const promise = this.graphql.request(ME, {}).then(
      ({ me }) => {
        this.lastKnown.remember(LAST_KNOWN_PROFILE, key, me);
        this.settle(key, promise, { key, status: 'ready', profile: me });
        return me;
      },
      (error: unknown) => {
        // Offline, the profile this device last read lets the pages show what they kept (the last bookings).
        const kept =
          errorCodeOf(error) === 'NETWORK' ? this.lastKnown.recall(LAST_KNOWN_PROFILE, key, isProfile) : null;
        if (kept !== null) {
          this.settle(key, promise, { key, status: 'ready', profile: kept.value });
          return kept.value;
        }
        this.settle(key, promise, { key, status: 'error', code: errorCodeOf(error) });
        return null;
      },
    );
    this.pending = { key, promise };
    return promise;
  }

  private settle(key: string, promise: Promise<Profile | null>, state: ProfileState): void {
    // Only the latest read for the person still signed in counts.
    if (this.pending?.promise === promise) {
      this.pending = null;
      if (this.identity.key() === key) {
        this.state.set(state);
      }
    }
  }
}
