import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';

import { PostgresPubSub } from '../realtime/postgres-pub-sub.js';
import { PUB_SUB } from '../realtime/pub-sub.token.js';
import type { Caller } from './caller.js';

/** How long a loaded caller is used without reading it again: the longest a change missed by every instance lasts. */
export const CALLER_CACHE_TTL_MS = 5_000;
/** At most this many callers are kept; the oldest entry makes room for a new one. */
export const CALLER_CACHE_MAX_ENTRIES = 10_000;
/** PubSub trigger by which one API instance tells all (itself included) to forget callers. */
export const CALLERS_CHANGED = 'identity.callersChanged';

/** A caller as read from the database; the credential's expiry is added per request. */
export type StoredCaller = Omit<Caller, 'expiresAt'>;

/** Whom to forget: the named people, or everyone (`all`). */
export interface CallersChanged {
  readonly personIds?: readonly string[];
  readonly all?: boolean;
}

interface Entry {
  readonly caller: StoredCaller;
  /** Milliseconds since 1970 after which the entry is not used; counted from when its read began. */
  readonly until: number;
}

/**
 * A short-lived cache of callers (person, organisation and role scopes), so that a request does not read them from
 * the database each time (issue 8). Whatever changes what a caller holds (roles, team leads and memberships,
 * profile, erasure) calls `forget` after its transaction has committed: the entry is dropped in this process at
 * once, and in every other API instance when the notification (PostgreSQL LISTEN/NOTIFY, or the in-process bus on
 * the embedded database) arrives. A change no instance heard of (a lost LISTEN connection, an edit by hand in the
 * database) lasts at most `CALLER_CACHE_TTL_MS`; after the LISTEN connection comes back the cache starts empty.
 *
 * A read that was under way while something was forgotten is not kept (`generation`): it may have seen the state
 * before the change.
 */
@Injectable()
export class CallerCache implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('CallerCache');
  private readonly entries = new Map<string, Entry>();
  /** Counts forgetting of any kind; a read started in an older generation is not stored. */
  private generation = 0;
  private subscription: number | undefined;
  private readonly forgottenListeners = new Set<(change: CallersChanged) => void>();

  constructor(@Inject(PUB_SUB) private readonly pubSub: PubSubEngine) {}

  async onModuleInit(): Promise<void> {
    this.subscription = await this.pubSub.subscribe(
      CALLERS_CHANGED,
      (payload: unknown) => this.forgetLocally(payload as CallersChanged),
      {},
    );
    if (this.pubSub instanceof PostgresPubSub) this.pubSub.onReconnected(() => this.forgetLocally({ all: true }));
  }

  onModuleDestroy(): void {
    if (this.subscription !== undefined) this.pubSub.unsubscribe(this.subscription);
    this.subscription = undefined;
  }

  /** The caller of `personId`: from the cache while fresh, else read by `read` (and kept, unless it was forgotten meanwhile). */
  async get(
    personId: string,
    read: () => Promise<StoredCaller | undefined>,
    now: () => number = Date.now,
  ): Promise<StoredCaller | undefined> {
    const entry = this.entries.get(personId);
    if (entry) {
      if (entry.until > now()) return entry.caller;
      this.entries.delete(personId);
    }
    const generation = this.generation;
    const started = now();
    const caller = await read();
    // Unknown people are not kept: one created a moment later (OpenID Connect) must be found at once.
    if (caller && generation === this.generation) {
      this.entries.delete(personId);
      if (this.entries.size >= CALLER_CACHE_MAX_ENTRIES) {
        const oldest = this.entries.keys().next();
        if (!oldest.done) this.entries.delete(oldest.value);
      }
      this.entries.set(personId, { caller, until: started + CALLER_CACHE_TTL_MS });
    }
    return caller;
  }

  /** Whether a fresh entry for the person is held (for tests and diagnostics). */
  holds(personId: string, now: number = Date.now()): boolean {
    const entry = this.entries.get(personId);
    return entry !== undefined && entry.until > now;
  }

  /**
   * Forgets the people here at once and tells the other API instances. Call after the change has committed; a
   * failed notification is logged, not thrown (the change stands; other instances catch up within the TTL).
   */
  async forget(personIds: readonly string[]): Promise<void> {
    const unique = [...new Set(personIds.map((id) => id.toLowerCase()))];
    if (unique.length === 0) return;
    await this.announce({ personIds: unique });
  }

  /**
   * Forgets every cached caller in this process only. For changes made past the services (an operator's SQL, test
   * fixtures); other instances still catch up within the TTL.
   */
  clear(): void {
    this.forgetLocally({ all: true });
  }

  /** Called with every change applied here, from this instance or another one (for tests). */
  onForgotten(listener: (change: CallersChanged) => void): () => void {
    this.forgottenListeners.add(listener);
    return () => this.forgottenListeners.delete(listener);
  }

  private async announce(change: CallersChanged): Promise<void> {
    this.forgetLocally(change);
    try {
      await this.pubSub.publish(CALLERS_CHANGED, change);
    } catch (error) {
      this.logger.warn(`Could not tell other instances that callers changed: ${(error as Error).message}`);
    }
  }

  private forgetLocally(change: CallersChanged): void {
    this.generation += 1;
    if (change.all) this.entries.clear();
    for (const personId of change.personIds ?? []) this.entries.delete(personId);
    for (const listener of this.forgottenListeners) listener(change);
  }
}
