import { computed, Injectable, signal } from '@angular/core';

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
 * Who the client acts as. In demo mode that is a person chosen on the start
 * page; sign-in replaces this one class later. Everything that talks to the
 * API takes its identity from here and nowhere else.
 */
@Injectable({ providedIn: 'root' })
export class DemoIdentity {
  private readonly id = signal<string | null>(readStoredId());

  readonly personId = this.id.asReadonly();
  readonly hasPerson = computed(() => this.id() !== null);

  choose(personId: string): void {
    writeStoredId(personId);
    this.id.set(personId);
  }

  clear(): void {
    writeStoredId(null);
    this.id.set(null);
  }

  /** HTTP headers that identify the person, empty when nobody is chosen. */
  requestHeaders(): Record<string, string> {
    const id = this.id();
    return id === null ? {} : { [DEMO_PERSON_HEADER]: id };
  }

  /** graphql-ws connection parameters; the same identity as the headers. */
  connectionParams(): Record<string, string> {
    return this.requestHeaders();
  }
}
