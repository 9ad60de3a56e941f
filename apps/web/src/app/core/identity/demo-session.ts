import { computed, Injectable, signal } from '@angular/core';

import type { AuthSession, Credentials } from './auth-session';

/** Header (and WebSocket connection parameter) that names the demo person. */
export const DEMO_PERSON_HEADER = 'x-nahbar-demo-person';

const STORAGE_KEY = 'nahbar.demoPersonId';

function readStoredId(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    // Storage can be blocked (privacy settings); then the choice lasts for the tab only.
    return null;
  }
}

function writeStoredId(id: string | null): void {
  try {
    if (id === null) {
      globalThis.localStorage?.removeItem(STORAGE_KEY);
    } else {
      globalThis.localStorage?.setItem(STORAGE_KEY, id);
    }
  } catch {
    // See readStoredId.
  }
}

/**
 * Demo mode's sign-in: a seeded person chosen on the start page, remembered in this browser and named in a header.
 * The server offers this mode only when no identity provider is configured.
 */
@Injectable({ providedIn: 'root' })
export class DemoSession implements AuthSession {
  readonly mode = 'DEMO' as const;
  private readonly id = signal<string | null>(readStoredId());

  readonly personId = this.id.asReadonly();
  readonly key = computed(() => {
    const id = this.id();
    return id === null ? null : `demo:${id}`;
  });

  choose(personId: string): void {
    writeStoredId(personId);
    this.id.set(personId);
  }

  async credentials(): Promise<Credentials> {
    const id = this.id();
    return id === null ? {} : { [DEMO_PERSON_HEADER]: id };
  }

  async renew(): Promise<boolean> {
    // A refused demo person stays refused (e.g. after the demo data was reset).
    return false;
  }

  async signIn(): Promise<void> {
    // Choosing a person on the start page is the sign-in.
  }

  async signOut(): Promise<void> {
    this.forget();
  }

  forget(): void {
    writeStoredId(null);
    this.id.set(null);
  }
}
