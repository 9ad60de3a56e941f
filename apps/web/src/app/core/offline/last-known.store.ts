import { inject, Injectable, InjectionToken } from '@angular/core';

import { dateTimeFormat } from '../../shared/date/civil-date';
import { intlLocale } from '../i18n/language';

/** The part of the Web Storage API the store uses. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** This browser's localStorage, or null where it is unavailable (blocked by settings, no DOM). */
export function browserStorage(): KeyValueStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export const OFFLINE_STORAGE = new InjectionToken<KeyValueStorage | null>('OFFLINE_STORAGE', {
  providedIn: 'root',
  factory: browserStorage,
});

/** A value as the server last gave it, and when (ISO instant). */
export interface LastKnown<T> {
  readonly value: T;
  readonly savedAt: string;
}

const PREFIX = 'nahbar.lastKnown.';

/**
 * What the server last answered, kept in this browser per signed-in person so the app can show it when the network
 * is gone ("Offline – Stand: …"). Only a person's own data, on their own device; forgotten on sign-out. Storage
 * that is full or blocked simply keeps nothing.
 */
@Injectable({ providedIn: 'root' })
export class LastKnownStore {
  private readonly storage = inject(OFFLINE_STORAGE);

  remember(kind: string, personKey: string, value: unknown, now: Date = new Date()): void {
    try {
      this.storage?.setItem(storageKey(kind, personKey), JSON.stringify({ value, savedAt: now.toISOString() }));
    } catch {
      // Full or blocked: offline there is then nothing to show, which the page says.
    }
  }

  /** The value last remembered for the person, if there is one and `isValue` accepts it. */
  recall<T>(kind: string, personKey: string, isValue: (value: unknown) => value is T): LastKnown<T> | null {
    let raw: string | null;
    try {
      raw = this.storage?.getItem(storageKey(kind, personKey)) ?? null;
    } catch {
      return null;
    }
    if (raw === null) return null;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed !== 'object' || parsed === null) return null;
      const { value, savedAt } = parsed as { value?: unknown; savedAt?: unknown };
      if (typeof savedAt !== 'string' || Number.isNaN(Date.parse(savedAt)) || !isValue(value)) return null;
      return { value, savedAt };
    } catch {
      return null;
    }
  }

  /** Forgets everything remembered, for every person (on sign-out). */
  forgetAll(): void {
    const storage = this.storage;
    if (!storage) return;
    try {
      const keys: string[] = [];
      for (let index = 0; index < storage.length; index++) {
        const key = storage.key(index);
        if (key?.startsWith(PREFIX)) keys.push(key);
      }
      for (const key of keys) storage.removeItem(key);
    } catch {
      // Blocked storage holds nothing of ours.
    }
  }
}

function storageKey(kind: string, personKey: string): string {
  return `${PREFIX}${kind}:${personKey}`;
}

/** "Mo., 23.11.2026, 08:30 Uhr": when a last-known value was saved, in the offices' zone. */
export function formatSavedAt(savedAt: string): string {
  const instant = new Date(savedAt);
  const date = dateTimeFormat(intlLocale(), {
    timeZone: 'Europe/Berlin',
    weekday: 'short',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(instant);
  const time = dateTimeFormat(intlLocale(), {
    timeZone: 'Europe/Berlin',
    hour: '2-digit',
    minute: '2-digit',
  }).format(instant);
  return $localize`${date}:date:, ${time}:time: Uhr`;
}
